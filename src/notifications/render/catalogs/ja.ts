import type { en } from './en.js';
import type { Catalog } from './shape.js';

// Japanese: です/ます with humble forms (いたします, おります), the shop speaking as 当店. Parcels of a split
// order are counted the way Japanese shops do: 2個中1個目のお荷物.

export const ja: Catalog<typeof en> = {
  greeting: {
    named: '{{name}} 様',
    anonymous: 'お客様',
  },
  subject: {
    confirmed: '【{{merchant}}】ご注文を承りました（注文番号：{{order}}）',
    packed: '【{{merchant}}】ご注文の商品の発送準備が整いました（注文番号：{{order}}）',
    shipped: '【{{merchant}}】ご注文の商品を発送しました（注文番号：{{order}}）',
    shipped_parcel:
      '【{{merchant}}】ご注文の商品を発送しました（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    in_transit: '【{{merchant}}】ご注文の商品を配送中です（注文番号：{{order}}）',
    in_transit_parcel:
      '【{{merchant}}】ご注文の商品を配送中です（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    out_for_delivery: '【{{merchant}}】ご注文の商品は本日お届け予定です（注文番号：{{order}}）',
    out_for_delivery_parcel:
      '【{{merchant}}】ご注文の商品は本日お届け予定です（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    delivered: '【{{merchant}}】ご注文の商品をお届けしました（注文番号：{{order}}）',
    delivered_parcel:
      '【{{merchant}}】ご注文の商品をお届けしました（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    delayed: '【{{merchant}}】お届けが遅れております（注文番号：{{order}}）',
    delayed_parcel:
      '【{{merchant}}】お届けが遅れております（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    attempt_failed: '【{{merchant}}】ご注文の商品をお届けできませんでした（注文番号：{{order}}）',
    attempt_failed_parcel:
      '【{{merchant}}】ご注文の商品をお届けできませんでした（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    available_for_pickup: '【{{merchant}}】ご注文の商品のお受け取りが可能になりました（注文番号：{{order}}）',
    available_for_pickup_parcel:
      '【{{merchant}}】ご注文の商品のお受け取りが可能になりました（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    exception: '【{{merchant}}】配送に問題が発生しました（注文番号：{{order}}）',
    exception_parcel:
      '【{{merchant}}】配送に問題が発生しました（{{total}}個中{{index}}個目・注文番号：{{order}}）',
    returned: '【{{merchant}}】ご注文の商品が当店に返送されました（注文番号：{{order}}）',
    returned_parcel:
      '【{{merchant}}】ご注文の商品が当店に返送されました（{{total}}個中{{index}}個目・注文番号：{{order}}）',
  },
  headline: {
    confirmed: 'ご注文を承りました',
    packed: '発送準備が整いました',
    shipped: 'ご注文の商品を発送しました',
    shipped_parcel: '{{total}}個中{{index}}個目のお荷物を発送しました',
    in_transit: 'お荷物は配送中です',
    in_transit_parcel: '{{total}}個中{{index}}個目のお荷物は配送中です',
    out_for_delivery: '本日お届け予定です',
    out_for_delivery_parcel: '{{total}}個中{{index}}個目のお荷物は本日お届け予定です',
    delivered: 'お届けが完了しました',
    delivered_parcel: '{{total}}個中{{index}}個目のお荷物のお届けが完了しました',
    delayed: 'お届けが遅れております',
    delayed_parcel: '{{total}}個中{{index}}個目のお荷物のお届けが遅れております',
    attempt_failed: 'お荷物をお届けできませんでした',
    attempt_failed_parcel: '{{total}}個中{{index}}個目のお荷物をお届けできませんでした',
    available_for_pickup: 'お荷物のお受け取りが可能になりました',
    available_for_pickup_parcel: '{{total}}個中{{index}}個目のお荷物のお受け取りが可能になりました',
    exception: '配送に問題が発生しました',
    exception_parcel: '{{total}}個中{{index}}個目のお荷物の配送に問題が発生しました',
    returned: 'ご注文の商品が返送されました',
    returned_parcel: '{{total}}個中{{index}}個目のお荷物が返送されました',
  },
  lead: {
    confirmed:
      'この度は{{merchant}}をご利用いただき、誠にありがとうございます。ご注文を承りました。商品を発送いたしましたら、あらためてご連絡いたします。',
    packed:
      'ご注文の商品の梱包が完了し、まもなく配送業者へお引き渡しします。発送いたしましたら、あらためてご連絡いたします。',
    shipped: 'ご注文の商品を発送いたしました。お届けまで今しばらくお待ちください。',
    shipped_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物を発送いたしました。残りの商品は別便にてお届けいたします。',
    in_transit: 'ご注文の商品は現在、お客様のもとへ配送中です。お届けまで今しばらくお待ちください。',
    in_transit_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物は現在、お客様のもとへ配送中です。お届けまで今しばらくお待ちください。',
    out_for_delivery: 'ご注文の商品は本日お届けの予定です。お受け取りのご準備をお願いいたします。',
    out_for_delivery_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物は本日お届けの予定です。お受け取りのご準備をお願いいたします。',
    delivered: 'ご注文の商品のお届けが完了しました。お買い上げいただき、誠にありがとうございます。',
    delivered_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物のお届けが完了しました。お買い上げいただき、誠にありがとうございます。',
    delayed:
      'ご注文の商品のお届けが、当初の予定より遅れております。お待たせしてしまい、大変申し訳ございません。',
    delayed_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物のお届けが、当初の予定より遅れております。お待たせしてしまい、大変申し訳ございません。',
    attempt_failed: '配送業者がお届けに伺いましたが、ご注文の商品をお渡しすることができませんでした。',
    attempt_failed_parcel:
      '配送業者がお届けに伺いましたが、{{total}}個中{{index}}個目のお荷物をお渡しすることができませんでした。',
    available_for_pickup:
      'ご注文の商品が受け取り場所に到着しました。保管期間が限られておりますので、お早めにお受け取りください。',
    available_for_pickup_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物が受け取り場所に到着しました。保管期間が限られておりますので、お早めにお受け取りください。',
    exception: '誠に申し訳ございませんが、ご注文の商品の配送に問題が発生しました。',
    exception_parcel:
      '誠に申し訳ございませんが、ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物の配送に問題が発生しました。',
    returned: 'ご注文の商品が、配送業者より当店に返送されました。',
    returned_parcel:
      'ご注文の商品のうち、{{total}}個中{{index}}個目のお荷物が、配送業者より当店に返送されました。',
  },
  delay: {
    carrier_reported: '配送業者より、配送に遅れが生じているとの連絡がありました。',
    edd_passed: '配達予定日を過ぎておりますが、お荷物はまだお届けできておりません。',
    stalled: 'ここ数日、配送業者からの配送状況の更新がございません。',
    newDate: '引き続き配送状況を確認し、変更がございましたらお知らせいたします。',
    noDate: '引き続き配送状況を確認し、新しい配達予定日が分かり次第お知らせいたします。',
  },
  problem: {
    substatus: {
      address_issue:
        'ご登録の住所にお届けできませんでした。住所が不完全であるか、誤っている可能性がございます。',
      recipient_unavailable: 'お届けの際、ご不在のようでした。',
      access_issue: '配達員がお届け先に立ち入ることができませんでした。',
      business_closed: 'お届け先が営業時間外のため、お渡しできませんでした。',
      refused: 'お届け先にてお受け取りを辞退されました。',
      customs_hold: 'お荷物は現在、税関で保留されております。',
      payment_required: 'お届けの前に、関税または諸費用のお支払いが必要です。',
      damaged: '配送業者より、輸送中にお荷物が破損したとの報告がありました。',
      lost: '配送業者より、お荷物が紛失したとの報告がありました。',
      undeliverable: '配送業者より、お荷物をお届けできないとの連絡がありました。',
    },
    generic: '配送業者より、お届けに影響する問題が発生したとの報告がありました。',
    generic_attempt: 'ご不在の場合や、配達員がお届け先まで伺えなかった場合などに発生します。',
  },
  advice: {
    delivered:
      'お荷物が見当たらない場合は、玄関まわりや宅配ボックスをご確認ください。それでも見つからない場合は、お手数ですが当店までお問い合わせください。',
    attempt_failed:
      '通常、配送業者が再配達を行うか、不在票などでお受け取り方法をご案内いたします。最新の状況は配送状況ページでご確認いただけます。ご不明な点がございましたら、お気軽にお問い合わせください。',
    available_for_pickup: 'お受け取りの際は、追跡番号と本人確認書類をご持参ください。',
    exception: 'お手数ですが、当店までご連絡ください。できる限り早く解決できるよう対応いたします。',
    returned: 'お心当たりがない場合や再発送をご希望の場合は、お手数ですが当店までご連絡ください。',
  },
  edd: {
    label: '配達予定日',
    labelNew: '新しい配達予定日',
  },
  details: {
    order: '注文番号',
    parcel: 'お荷物',
    parcelValue: '{{total}}個中{{index}}個目',
    carrier: '配送業者',
    trackingNumber: '追跡番号',
    lastUpdate: '最新の配送状況',
    place: '{{country}} {{city}}',
  },
  cta: {
    track: '配送状況を確認する',
    track_parcel: 'お荷物の配送状況を確認する',
    fallback: 'ボタンが機能しない場合は、以下のURLをブラウザに貼り付けてください。',
  },
  items: {
    title: 'ご注文内容',
    line: '{{name}}（数量：{{quantity}}）',
  },
  support: {
    needHelp: 'お問い合わせ先',
    email: 'メール',
    web: 'サポートページ',
  },
  footer: {
    questions: 'ご注文についてご不明な点がございましたら、お気軽にお問い合わせください。',
    sentBy: 'このメールは、{{merchant}}でご注文いただいたお客様にお送りしています。',
  },
  format: {
    labelValue: '{{label}}：{{value}}',
    withNote: '{{value}}（{{note}}）',
  },
  // Japanese SMS is sent in UCS-2 (70 characters a segment): the shop name in 【】 as Japanese senders do.
  sms: {
    message: '【{{merchant}}】{{status}} 配送状況：{{url}}',
    message_edd: '【{{merchant}}】{{status}}{{edd}} 配送状況：{{url}}',
    edd: '配達予定日は{{date}}です。',
    newEdd: '新しい配達予定日は{{date}}です。',
    status: {
      confirmed: 'ご注文を承りました（注文番号{{order}}）。',
      packed: '注文番号{{order}}の商品の発送準備が整いました。',
      shipped: '注文番号{{order}}の商品を発送しました。',
      shipped_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）を発送しました。',
      in_transit: '注文番号{{order}}の商品を配送中です。',
      in_transit_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）を配送中です。',
      out_for_delivery: '注文番号{{order}}の商品は本日お届け予定です。',
      out_for_delivery_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）は本日お届け予定です。',
      delivered: '注文番号{{order}}の商品をお届けしました。',
      delivered_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）をお届けしました。',
      delayed: '注文番号{{order}}の商品のお届けが遅れております。',
      delayed_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）のお届けが遅れております。',
      attempt_failed: '注文番号{{order}}の商品をお届けできませんでした。',
      attempt_failed_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）をお届けできませんでした。',
      available_for_pickup: '注文番号{{order}}の商品のお受け取りが可能になりました。',
      available_for_pickup_parcel:
        '注文番号{{order}}のお荷物（{{index}}/{{total}}）のお受け取りが可能になりました。',
      exception: '注文番号{{order}}の商品の配送に問題が発生しました。',
      exception_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）の配送に問題が発生しました。',
      returned: '注文番号{{order}}の商品が当店に返送されました。',
      returned_parcel: '注文番号{{order}}のお荷物（{{index}}/{{total}}）が当店に返送されました。',
    },
  },
};
