import type { Catalog } from '../../../notifications/render/catalogs/shape.js';
import type { en } from './en.js';

// Japanese: です/ます with humble forms (いたします, おります, ございます), the shop speaking as 当店, the shopper
// addressed as お客様 or by name with 様. Sentences end in 。 and are joined without spaces; label lines (追跡番号)
// stand on their own line without 。, as in Japanese business mail.

export const ja: Catalog<typeof en> = {
  subject: {
    line: '【{{merchant}}】ご注文（注文番号：{{order}}）の状況：{{state}}',
    state: {
      ordered: '発送準備中',
      confirmed: 'ご注文確定',
      packed: '梱包完了',
      partially_shipped: '一部発送済み',
      shipped: '発送済み',
      in_transit: '配送中',
      out_for_delivery: '配達中',
      partially_delivered: '一部お届け済み',
      delivered: 'お届け済み',
      delayed: 'お届けの遅れ',
      attempt_failed: '配達未完了',
      available_for_pickup: 'お受け取り可能',
      exception: '配送に関する問題',
      returned: '当店へ返送済み',
      cancelled: 'キャンセル済み',
    },
  },
  greeting: {
    named: '{{name}} 様',
    anonymous: 'お客様',
  },
  intro:
    'このたびはお問い合わせいただき、誠にありがとうございます。ご注文（注文番号：{{order}}）の状況についてご案内いたします。',
  order: {
    ordered: 'ご注文を承り、現在発送の準備を進めております。',
    confirmed: 'ご注文は確定しており、現在発送の準備を進めております。',
    packed: 'ご注文の商品は梱包が完了しており、まもなく配送業者へお引き渡しいたします。',
    cancelled: 'ご注文はキャンセルとなっております。',
    noTracking: '現時点では、ご注文の追跡情報はまだございません。確認でき次第、あらためてご連絡いたします。',
    trackingSoon: '発送いたしましたら、追跡情報をあらためてご連絡いたします。',
    split: 'ご注文の商品は複数のお荷物に分けてお届けしておりますので、お荷物ごとにご案内いたします。',
    partially_shipped:
      'ご注文の商品の一部は、現在発送の準備を進めております。発送いたしましたら、追跡情報をあらためてご連絡いたします。',
  },
  parcel: {
    yours: 'お荷物',
    countOf: '{{total}}個中{{index}}個目のお荷物',
    numbered: '{{index}}個目のお荷物',
  },
  status: {
    pending: '{{parcel}}は追跡番号が発行されておりますが、配送業者からの配送状況の更新はまだございません。',
    info_received: '{{parcel}}は配送業者への発送手続きが完了しており、集荷を待っている状態です。',
    in_transit: '{{parcel}}は現在、お客様のもとへ配送中です。',
    out_for_delivery: '{{parcel}}は現在、配達員がお届けに向かっております。',
    available_for_pickup: '{{parcel}}は受け取り場所に到着しており、お受け取りいただける状態です。',
    attempt_failed: '{{parcel}}は、配送業者がお届けに伺いましたが、お渡しすることができませんでした。',
    delivered: '{{parcel}}は、配送業者の記録ではお届けが完了しております。',
    exception: '{{parcel}}について、配送業者より配送に問題が発生したとの報告がございました。',
    returning: '{{parcel}}は現在、当店へ返送中です。',
    returned: '{{parcel}}は当店へ返送されました。',
    cancelled: '{{parcel}}は発送がキャンセルとなったため、お届けはございません。',
    expired: '{{parcel}}については、配送業者からの配送状況の更新が長期間ございません。',
  },
  ref: {
    carrier: '追跡番号：{{tracking}}（{{carrier}}）',
    plain: '追跡番号：{{tracking}}',
    carrierOnly: '配送業者：{{carrier}}',
  },
  where: {
    placeTime: '配送業者による最新の記録は、{{time}}、{{place}}でのものです。',
    place: '配送業者による最新の記録は、{{place}}でのものです。',
    time: '配送業者による最新の記録は、{{time}}のものです。',
    cityCountry: '{{country}} {{city}}',
  },
  delivered: {
    at: '配送業者の記録では、{{time}}にお届けが完了しております。',
    atPlace: '配送業者の記録では、{{time}}に{{place}}にてお届けが完了しております。',
  },
  delay: {
    carrier_reported: '誠に申し訳ございませんが、配送業者より配送に遅れが生じているとの連絡がございました。',
    edd_passed: '誠に申し訳ございませんが、お届け予定日を過ぎてもまだお届けできておりません。',
    edd_passed_date: '誠に申し訳ございませんが、{{date}}のお届け予定のところ、まだお届けできておりません。',
    stalled: '誠に申し訳ございませんが、ここ数日、配送業者から配送状況の更新がございません。',
    unknown: '誠に申し訳ございませんが、お届けに予定より時間がかかっております。',
    watching:
      'お待たせしており、大変申し訳ございません。引き続き配送状況を注視し、新しい情報が入り次第ご連絡いたします。',
  },
  eta: {
    carrier: '配送業者によるお届け予定日は{{date}}です。',
    predicted:
      '当店の予測では、{{date}}にお届けできる見込みです（同じ配送ルートの最近の配達実績に基づく予測です）。',
    promised: 'ご注文時にご案内したお届け日は{{date}}です。',
    passed: '当初のお届け予定日は{{date}}でした。',
    window: '配送業者によるお届け予定時間帯は{{start}}〜{{end}}です。',
    windowFrom: '配送業者によるお届け予定時間は{{start}}以降です。',
    windowUntil: '配送業者によると、{{end}}までにお届けの予定です。',
  },
  next: {
    pending: '配送業者がお荷物を受け付け次第、配送状況が更新されます。',
    info_received: '配送業者が集荷いたしましたら、お客様のもとへ発送されます。',
    in_transit: 'このあと、配達員によるお届けへと進みます。',
    out_for_delivery: 'お受け取りのご準備をお願いいたします。',
    out_for_delivery_today: '本日中にお届けの予定ですので、お受け取りのご準備をお願いいたします。',
    out_for_delivery_stale:
      'その後、配送業者からお届け完了の連絡はございません。まだお受け取りでない場合は、お手数ですがこのメッセージにご返信ください。配送業者に確認いたします。',
    available_for_pickup:
      '受け取り場所での保管期間には限りがございますので、配送業者の保管期限までにお受け取りください。お受け取りの際は、追跡番号と本人確認書類をご持参ください。',
    attempt_failed: '通常は、配送業者が再度お届けに伺うか、お受け取り方法のご案内を残しております。',
    delivered:
      'お荷物が見当たらない場合は、玄関まわりや宅配ボックスなど配達員が置いた可能性のある場所をご確認いただき、ご近所の方にもお尋ねください。それでも見つからない場合は、お手数ですがこのメッセージにご返信ください。配送業者と確認のうえ対応いたします。',
    exception:
      '現在、当店より配送業者に詳細を確認しております。回答がありしだい、あらためてご連絡いたします。',
    returning:
      '当店に到着しましたら、再発送またはご返金にて対応いたします。ご希望をこのメッセージへのご返信にてお知らせください。',
    returned: '再発送またはご返金にて対応いたします。ご希望をこのメッセージへのご返信にてお知らせください。',
    cancelled: 'お心当たりがない場合は、お手数ですがこのメッセージにご返信ください。確認いたします。',
    expired:
      'まだお受け取りでない場合は、お手数ですがこのメッセージにご返信ください。配送業者に確認いたします。',
  },
  rearrange: {
    carrier:
      '上記の追跡番号で、{{carrier}}へ直接、再配達やお受け取り方法の変更をご依頼いただくことも可能です。',
    us: '当店から配送業者へ再配達を依頼することも可能ですので、ご希望の場合はこのメッセージにご返信ください。',
  },
  closing: {
    track: '配送状況は、こちらからいつでもご確認いただけます：{{url}}',
    reply: 'そのほかご不明な点がございましたら、このメッセージにご返信ください。',
    replyEmail:
      'そのほかご不明な点がございましたら、このメッセージにご返信いただくか、{{email}} までご連絡ください。',
  },
  signOff: {
    regards: '今後ともよろしくお願いいたします。',
    team: '{{merchant}} カスタマーサポート',
  },
};
