import type { en } from './en.js';
import type { Catalog } from './shape.js';

// Russian: polite «вы» (lowercase, as modern shops write), the merchant speaking as «мы». The merchant's name
// follows a colon or stands where it needs no declension.

export const ru: Catalog<typeof en> = {
  greeting: {
    named: 'Здравствуйте, {{name}}!',
    anonymous: 'Здравствуйте!',
  },
  subject: {
    confirmed: '{{merchant}}: заказ {{order}} подтверждён',
    packed: '{{merchant}}: заказ {{order}} собран и готов к отправке',
    shipped: '{{merchant}}: заказ {{order}} передан в доставку',
    shipped_parcel: '{{merchant}}: посылка {{index}} из {{total}} по заказу {{order}} передана в доставку',
    in_transit: '{{merchant}}: заказ {{order}} уже в пути',
    in_transit_parcel: '{{merchant}}: посылка {{index}} из {{total}} по заказу {{order}} уже в пути',
    out_for_delivery: '{{merchant}}: курьер уже везёт ваш заказ {{order}}',
    out_for_delivery_parcel:
      '{{merchant}}: курьер уже везёт посылку {{index}} из {{total}} по заказу {{order}}',
    delivered: '{{merchant}}: заказ {{order}} доставлен',
    delivered_parcel: '{{merchant}}: посылка {{index}} из {{total}} по заказу {{order}} доставлена',
    delayed: '{{merchant}}: доставка заказа {{order}} задерживается',
    delayed_parcel: '{{merchant}}: доставка посылки {{index}} из {{total}} по заказу {{order}} задерживается',
    attempt_failed: '{{merchant}}: не удалось доставить заказ {{order}}',
    attempt_failed_parcel:
      '{{merchant}}: не удалось доставить посылку {{index}} из {{total}} по заказу {{order}}',
    available_for_pickup: '{{merchant}}: заказ {{order}} ждёт вас в пункте выдачи',
    available_for_pickup_parcel:
      '{{merchant}}: посылка {{index}} из {{total}} по заказу {{order}} ждёт вас в пункте выдачи',
    exception: '{{merchant}}: возникла проблема с доставкой заказа {{order}}',
    exception_parcel:
      '{{merchant}}: возникла проблема с доставкой посылки {{index}} из {{total}} по заказу {{order}}',
    returned: '{{merchant}}: заказ {{order}} вернулся к нам',
    returned_parcel: '{{merchant}}: посылка {{index}} из {{total}} по заказу {{order}} вернулась к нам',
  },
  headline: {
    confirmed: 'Заказ подтверждён',
    packed: 'Заказ собран',
    shipped: 'Заказ передан в доставку',
    shipped_parcel: 'Посылка {{index}} из {{total}} передана в доставку',
    in_transit: 'Заказ уже в пути',
    in_transit_parcel: 'Посылка {{index}} из {{total}} уже в пути',
    out_for_delivery: 'Курьер уже везёт ваш заказ',
    out_for_delivery_parcel: 'Курьер уже везёт посылку {{index}} из {{total}}',
    delivered: 'Заказ доставлен',
    delivered_parcel: 'Посылка {{index}} из {{total}} доставлена',
    delayed: 'Доставка задерживается',
    delayed_parcel: 'Доставка посылки {{index}} из {{total}} задерживается',
    attempt_failed: 'Не удалось доставить заказ',
    attempt_failed_parcel: 'Не удалось доставить посылку {{index}} из {{total}}',
    available_for_pickup: 'Заказ ждёт вас в пункте выдачи',
    available_for_pickup_parcel: 'Посылка {{index}} из {{total}} ждёт вас в пункте выдачи',
    exception: 'Возникла проблема с доставкой',
    exception_parcel: 'Возникла проблема с доставкой посылки {{index}} из {{total}}',
    returned: 'Заказ вернулся к нам',
    returned_parcel: 'Посылка {{index}} из {{total}} вернулась к нам',
  },
  lead: {
    confirmed:
      'Спасибо за покупку в {{merchant}}! Мы получили ваш заказ и уже готовим его к отправке. Как только передадим его в доставку, сразу сообщим.',
    packed:
      'Ваш заказ собран и скоро будет передан в службу доставки. Мы сообщим, как только он отправится в путь.',
    shipped: 'Отличные новости: ваш заказ передан в службу доставки и уже едет к вам.',
    shipped_parcel:
      'Отличные новости: посылка {{index}} из {{total}} по вашему заказу передана в службу доставки. Остальные товары придут отдельно.',
    in_transit: 'Ваш заказ уже в пути: служба доставки везёт его к вам.',
    in_transit_parcel:
      'Посылка {{index}} из {{total}} по вашему заказу уже в пути: служба доставки везёт её к вам.',
    out_for_delivery:
      'Курьер уже везёт ваш заказ и планирует доставить его сегодня. Пожалуйста, будьте на связи, чтобы получить посылку.',
    out_for_delivery_parcel:
      'Курьер уже везёт посылку {{index}} из {{total}} по вашему заказу и планирует доставить её сегодня. Пожалуйста, будьте на связи.',
    delivered: 'Ваш заказ доставлен. Надеемся, покупка вам понравится!',
    delivered_parcel:
      'Посылка {{index}} из {{total}} по вашему заказу доставлена. Надеемся, покупка вам понравится!',
    delayed:
      'К сожалению, доставка вашего заказа занимает больше времени, чем мы рассчитывали. Приносим извинения за ожидание.',
    delayed_parcel:
      'К сожалению, доставка посылки {{index}} из {{total}} по вашему заказу занимает больше времени, чем мы рассчитывали. Приносим извинения за ожидание.',
    attempt_failed: 'Служба доставки пыталась доставить ваш заказ, но вручить его не получилось.',
    attempt_failed_parcel:
      'Служба доставки пыталась доставить посылку {{index}} из {{total}} по вашему заказу, но вручить её не получилось.',
    available_for_pickup:
      'Ваш заказ прибыл в пункт выдачи и ждёт вас. Срок хранения ограничен, поэтому, пожалуйста, заберите его в ближайшее время.',
    available_for_pickup_parcel:
      'Посылка {{index}} из {{total}} по вашему заказу прибыла в пункт выдачи и ждёт вас. Срок хранения ограничен, поэтому, пожалуйста, заберите её в ближайшее время.',
    exception: 'К сожалению, при доставке вашего заказа возникла проблема.',
    exception_parcel:
      'К сожалению, при доставке посылки {{index}} из {{total}} по вашему заказу возникла проблема.',
    returned: 'Служба доставки вернула нам ваш заказ.',
    returned_parcel: 'Служба доставки вернула нам посылку {{index}} из {{total}} по вашему заказу.',
  },
  delay: {
    carrier_reported: 'Служба доставки сообщила нам о задержке.',
    edd_passed: 'Ожидаемая дата доставки уже прошла, а посылка пока не прибыла.',
    stalled: 'Служба доставки уже несколько дней не обновляет статус посылки.',
    newDate: 'Мы следим за доставкой и сообщим, если что-то изменится.',
    noDate: 'Мы следим за доставкой и сообщим, как только станет известна новая дата.',
  },
  problem: {
    substatus: {
      address_issue:
        'Службе доставки не удалось доставить заказ по указанному адресу: возможно, он неполный или содержит ошибку.',
      recipient_unavailable: 'Курьер не застал получателя дома.',
      access_issue: 'Курьер не смог попасть по адресу доставки.',
      business_closed: 'Организация по адресу доставки была закрыта.',
      refused: 'Получатель отказался от посылки.',
      customs_hold: 'Посылка задержана на таможне.',
      payment_required: 'Чтобы получить посылку, нужно оплатить таможенную пошлину или сборы.',
      damaged: 'Служба доставки сообщила, что посылка была повреждена в пути.',
      lost: 'Служба доставки сообщила, что посылка утеряна.',
      undeliverable: 'Служба доставки не может доставить посылку.',
    },
    generic: 'Служба доставки сообщила о проблеме, из-за которой доставка приостановлена.',
    generic_attempt: 'Так бывает, если получателя нет дома или курьер не может попасть по адресу.',
  },
  advice: {
    delivered:
      'Не можете найти посылку? Посмотрите у двери или спросите у соседей. Если она так и не нашлась, напишите нам.',
    attempt_failed:
      'Обычно служба доставки пробует ещё раз или оставляет инструкции, как забрать посылку. Актуальная информация есть на странице отслеживания, а если нужна помощь — напишите нам.',
    available_for_pickup: 'Для получения понадобятся трек-номер и документ, удостоверяющий личность.',
    exception: 'Пожалуйста, свяжитесь с нами — мы поможем всё решить как можно скорее.',
    returned:
      'Если вы не ожидали возврата или хотите, чтобы мы отправили заказ повторно, пожалуйста, свяжитесь с нами.',
  },
  edd: {
    label: 'Ожидаемая дата доставки',
    labelNew: 'Новая ожидаемая дата доставки',
  },
  details: {
    order: 'Номер заказа',
    parcel: 'Посылка',
    parcelValue: '{{index}} из {{total}}',
    carrier: 'Служба доставки',
    trackingNumber: 'Трек-номер',
    lastUpdate: 'Последний статус',
    place: '{{city}}, {{country}}',
  },
  cta: {
    track: 'Отследить заказ',
    track_parcel: 'Отследить посылку',
    fallback: 'Если кнопка не работает, скопируйте эту ссылку в браузер:',
  },
  items: {
    title: 'Состав заказа',
    line: '{{name}} — {{quantity}} шт.',
  },
  support: {
    needHelp: 'Нужна помощь? Свяжитесь с нами:',
    email: 'Эл. почта',
    web: 'Центр поддержки',
  },
  footer: {
    questions: 'Остались вопросы о заказе? Мы с радостью поможем.',
    sentBy: 'Вы получили это письмо, потому что оформили заказ в {{merchant}}.',
  },
  format: {
    labelValue: '{{label}}: {{value}}',
    withNote: '{{value}} ({{note}})',
  },
  // Cyrillic SMS is sent in UCS-2 (70 characters a segment), so every word has to earn its place.
  sms: {
    message: '{{merchant}}: {{status}} Отследить: {{url}}',
    message_edd: '{{merchant}}: {{status}} {{edd}} Отследить: {{url}}',
    edd: 'Ожидаемая доставка: {{date}}.',
    newEdd: 'Новая дата доставки: {{date}}.',
    status: {
      confirmed: 'заказ {{order}} подтверждён.',
      packed: 'заказ {{order}} собран и скоро будет отправлен.',
      shipped: 'заказ {{order}} передан в доставку.',
      shipped_parcel: 'посылка {{index}}/{{total}} по заказу {{order}} передана в доставку.',
      in_transit: 'заказ {{order}} уже в пути.',
      in_transit_parcel: 'посылка {{index}}/{{total}} по заказу {{order}} уже в пути.',
      out_for_delivery: 'курьер уже везёт заказ {{order}}.',
      out_for_delivery_parcel: 'курьер уже везёт посылку {{index}}/{{total}} по заказу {{order}}.',
      delivered: 'заказ {{order}} доставлен.',
      delivered_parcel: 'посылка {{index}}/{{total}} по заказу {{order}} доставлена.',
      delayed: 'доставка заказа {{order}} задерживается.',
      delayed_parcel: 'доставка посылки {{index}}/{{total}} по заказу {{order}} задерживается.',
      attempt_failed: 'не удалось доставить заказ {{order}}.',
      attempt_failed_parcel: 'не удалось доставить посылку {{index}}/{{total}} по заказу {{order}}.',
      available_for_pickup: 'заказ {{order}} ждёт вас в пункте выдачи.',
      available_for_pickup_parcel:
        'посылка {{index}}/{{total}} по заказу {{order}} ждёт вас в пункте выдачи.',
      exception: 'возникла проблема с доставкой заказа {{order}}.',
      exception_parcel: 'возникла проблема с доставкой посылки {{index}}/{{total}} по заказу {{order}}.',
      returned: 'заказ {{order}} вернулся к нам.',
      returned_parcel: 'посылка {{index}}/{{total}} по заказу {{order}} вернулась к нам.',
    },
  },
};
