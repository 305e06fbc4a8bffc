import type { en } from './en.js';
import type { Catalog } from './shape.js';

// Polish: the friendly «Ty» of Polish online shops, capitalised (Twoje, Ciebie) as courtesy asks in letters,
// and written so it never has to guess the shopper's gender. The shop's name follows a colon or «sklep».

export const pl: Catalog<typeof en> = {
  greeting: {
    named: 'Cześć, {{name}}!',
    anonymous: 'Cześć!',
  },
  subject: {
    confirmed: '{{merchant}}: Twoje zamówienie {{order}} zostało przyjęte',
    packed: '{{merchant}}: Twoje zamówienie {{order}} jest spakowane i gotowe do wysyłki',
    shipped: '{{merchant}}: Twoje zamówienie {{order}} zostało wysłane',
    shipped_parcel: '{{merchant}}: paczka {{index}} z {{total}} (zamówienie {{order}}) została wysłana',
    in_transit: '{{merchant}}: Twoje zamówienie {{order}} jest w drodze',
    in_transit_parcel: '{{merchant}}: paczka {{index}} z {{total}} (zamówienie {{order}}) jest w drodze',
    out_for_delivery: '{{merchant}}: kurier jest już w drodze z Twoim zamówieniem {{order}}',
    out_for_delivery_parcel:
      '{{merchant}}: kurier jest już w drodze z paczką {{index}} z {{total}} (zamówienie {{order}})',
    delivered: '{{merchant}}: Twoje zamówienie {{order}} zostało doręczone',
    delivered_parcel: '{{merchant}}: paczka {{index}} z {{total}} (zamówienie {{order}}) została doręczona',
    delayed: '{{merchant}}: dostawa zamówienia {{order}} się opóźnia',
    delayed_parcel: '{{merchant}}: dostawa paczki {{index}} z {{total}} (zamówienie {{order}}) się opóźnia',
    attempt_failed: '{{merchant}}: nie udało się doręczyć zamówienia {{order}}',
    attempt_failed_parcel:
      '{{merchant}}: nie udało się doręczyć paczki {{index}} z {{total}} (zamówienie {{order}})',
    available_for_pickup: '{{merchant}}: Twoje zamówienie {{order}} czeka na odbiór',
    available_for_pickup_parcel:
      '{{merchant}}: paczka {{index}} z {{total}} (zamówienie {{order}}) czeka na odbiór',
    exception: '{{merchant}}: wystąpił problem z dostawą zamówienia {{order}}',
    exception_parcel:
      '{{merchant}}: wystąpił problem z dostawą paczki {{index}} z {{total}} (zamówienie {{order}})',
    returned: '{{merchant}}: zamówienie {{order}} wróciło do nas',
    returned_parcel: '{{merchant}}: paczka {{index}} z {{total}} (zamówienie {{order}}) wróciła do nas',
  },
  headline: {
    confirmed: 'Twoje zamówienie zostało przyjęte',
    packed: 'Twoje zamówienie jest spakowane',
    shipped: 'Twoje zamówienie zostało wysłane',
    shipped_parcel: 'Paczka {{index}} z {{total}} została wysłana',
    in_transit: 'Twoja paczka jest w drodze',
    in_transit_parcel: 'Paczka {{index}} z {{total}} jest w drodze',
    out_for_delivery: 'Kurier jest już w drodze do Ciebie',
    out_for_delivery_parcel: 'Kurier jest już w drodze z paczką {{index}} z {{total}}',
    delivered: 'Twoje zamówienie zostało doręczone',
    delivered_parcel: 'Paczka {{index}} z {{total}} została doręczona',
    delayed: 'Dostawa się opóźnia',
    delayed_parcel: 'Dostawa paczki {{index}} z {{total}} się opóźnia',
    attempt_failed: 'Nie udało się doręczyć paczki',
    attempt_failed_parcel: 'Nie udało się doręczyć paczki {{index}} z {{total}}',
    available_for_pickup: 'Twoja paczka czeka na odbiór',
    available_for_pickup_parcel: 'Paczka {{index}} z {{total}} czeka na odbiór',
    exception: 'Wystąpił problem z dostawą',
    exception_parcel: 'Wystąpił problem z dostawą paczki {{index}} z {{total}}',
    returned: 'Zamówienie wróciło do nas',
    returned_parcel: 'Paczka {{index}} z {{total}} wróciła do nas',
  },
  lead: {
    confirmed:
      'Dziękujemy za zakupy w sklepie {{merchant}}! Otrzymaliśmy Twoje zamówienie i już je przygotowujemy. Damy Ci znać, gdy tylko zostanie wysłane.',
    packed:
      'Twoje zamówienie jest spakowane i wkrótce przekażemy je przewoźnikowi. Damy Ci znać, gdy tylko wyruszy w drogę.',
    shipped:
      'Dobra wiadomość: Twoje zamówienie zostało przekazane przewoźnikowi i jest już w drodze do Ciebie.',
    shipped_parcel:
      'Dobra wiadomość: paczka {{index}} z {{total}} z Twojego zamówienia została przekazana przewoźnikowi. Pozostałe produkty dotrą w osobnej przesyłce.',
    in_transit: 'Twoja paczka jest w drodze. Przewoźnik wiezie ją do Ciebie.',
    in_transit_parcel:
      'Paczka {{index}} z {{total}} z Twojego zamówienia jest w drodze. Przewoźnik wiezie ją do Ciebie.',
    out_for_delivery:
      'Twoja paczka jest już u kuriera i powinna dotrzeć jeszcze dziś. Upewnij się, że ktoś będzie mógł ją odebrać.',
    out_for_delivery_parcel:
      'Paczka {{index}} z {{total}} z Twojego zamówienia jest już u kuriera i powinna dotrzeć jeszcze dziś. Upewnij się, że ktoś będzie mógł ją odebrać.',
    delivered: 'Twoje zamówienie zostało doręczone. Mamy nadzieję, że zakupy przypadną Ci do gustu!',
    delivered_parcel:
      'Paczka {{index}} z {{total}} z Twojego zamówienia została doręczona. Mamy nadzieję, że zakupy przypadną Ci do gustu!',
    delayed:
      'Niestety dostawa Twojego zamówienia trwa dłużej, niż zakładaliśmy. Przepraszamy za oczekiwanie.',
    delayed_parcel:
      'Niestety dostawa paczki {{index}} z {{total}} z Twojego zamówienia trwa dłużej, niż zakładaliśmy. Przepraszamy za oczekiwanie.',
    attempt_failed: 'Kurier próbował doręczyć Twoją paczkę, ale nie udało się jej przekazać.',
    attempt_failed_parcel:
      'Kurier próbował doręczyć paczkę {{index}} z {{total}} z Twojego zamówienia, ale nie udało się jej przekazać.',
    available_for_pickup:
      'Twoja paczka dotarła do punktu odbioru i czeka na Ciebie. Paczki są przechowywane tylko przez określony czas, więc odbierz ją jak najszybciej.',
    available_for_pickup_parcel:
      'Paczka {{index}} z {{total}} z Twojego zamówienia dotarła do punktu odbioru i czeka na Ciebie. Paczki są przechowywane tylko przez określony czas, więc odbierz ją jak najszybciej.',
    exception: 'Niestety wystąpił problem z dostawą Twojego zamówienia.',
    exception_parcel:
      'Niestety wystąpił problem z dostawą paczki {{index}} z {{total}} z Twojego zamówienia.',
    returned: 'Przewoźnik zwrócił nam Twoje zamówienie.',
    returned_parcel: 'Przewoźnik zwrócił nam paczkę {{index}} z {{total}} z Twojego zamówienia.',
  },
  delay: {
    carrier_reported: 'Przewoźnik poinformował nas o opóźnieniu w dostawie.',
    edd_passed: 'Przewidywany termin dostawy już minął, a paczka jeszcze nie dotarła.',
    stalled: 'Od kilku dni przewoźnik nie przekazał żadnych nowych informacji o przesyłce.',
    newDate: 'Śledzimy przesyłkę i damy Ci znać, jeśli coś się zmieni.',
    noDate: 'Śledzimy przesyłkę i damy Ci znać, gdy tylko poznamy nowy termin dostawy.',
  },
  problem: {
    substatus: {
      address_issue:
        'Przewoźnik nie mógł doręczyć paczki pod podany adres. Adres może być niepełny lub zawierać błąd.',
      recipient_unavailable: 'Kurier nie zastał nikogo pod adresem dostawy.',
      access_issue: 'Kurier nie mógł dostać się pod adres dostawy.',
      business_closed: 'Firma pod adresem dostawy była zamknięta.',
      refused: 'Odmówiono przyjęcia paczki pod adresem dostawy.',
      customs_hold: 'Paczka została zatrzymana w urzędzie celnym.',
      payment_required: 'Przed doręczeniem paczki trzeba opłacić cło lub inne należności.',
      damaged: 'Przewoźnik poinformował nas, że paczka została uszkodzona w transporcie.',
      lost: 'Przewoźnik poinformował nas, że paczka zaginęła.',
      undeliverable: 'Przewoźnik nie jest w stanie doręczyć paczki.',
    },
    generic: 'Przewoźnik zgłosił problem, który wstrzymuje dostawę.',
    generic_attempt: 'Tak się zdarza, gdy nikogo nie ma w domu albo kurier nie może dotrzeć pod drzwi.',
  },
  advice: {
    delivered:
      'Nie możesz znaleźć paczki? Sprawdź okolice drzwi lub zapytaj sąsiadów. Jeśli nadal jej nie ma, skontaktuj się z nami.',
    attempt_failed:
      'Zwykle przewoźnik podejmuje kolejną próbę doręczenia albo zostawia informację, jak odebrać paczkę. Aktualne informacje znajdziesz na stronie śledzenia przesyłki, a jeśli potrzebujesz pomocy, napisz do nas.',
    available_for_pickup: 'Przy odbiorze przygotuj numer przesyłki i dokument tożsamości.',
    exception: 'Skontaktuj się z nami, a pomożemy jak najszybciej rozwiązać problem.',
    returned:
      'Jeśli zwrot jest dla Ciebie zaskoczeniem albo chcesz, żebyśmy wysłali zamówienie ponownie, skontaktuj się z nami.',
  },
  edd: {
    label: 'Przewidywany termin dostawy',
    labelNew: 'Nowy przewidywany termin dostawy',
  },
  details: {
    order: 'Numer zamówienia',
    parcel: 'Paczka',
    parcelValue: '{{index}} z {{total}}',
    carrier: 'Przewoźnik',
    trackingNumber: 'Numer przesyłki',
    lastUpdate: 'Ostatni status',
    place: '{{city}}, {{country}}',
  },
  cta: {
    track: 'Śledź zamówienie',
    track_parcel: 'Śledź paczkę',
    fallback: 'Jeśli przycisk nie działa, skopiuj ten link do przeglądarki:',
  },
  items: {
    title: 'Zamówione produkty',
    line: '{{name}} – {{quantity}} szt.',
  },
  support: {
    needHelp: 'Potrzebujesz pomocy? Skontaktuj się z nami:',
    email: 'E-mail',
    web: 'Centrum pomocy',
  },
  footer: {
    questions: 'Masz pytania dotyczące zamówienia? Chętnie pomożemy.',
    sentBy: 'Ta wiadomość dotyczy Twojego zamówienia w sklepie {{merchant}}.',
  },
  format: {
    labelValue: '{{label}}: {{value}}',
    withNote: '{{value}} ({{note}})',
  },
  // Written with Polish letters; the SMS renderer folds them to ASCII, as Polish shops do, to stay in the
  // 160-character GSM alphabet.
  sms: {
    message: '{{merchant}}: {{status}} Śledź: {{url}}',
    message_edd: '{{merchant}}: {{status}} {{edd}} Śledź: {{url}}',
    edd: 'Przewidywana dostawa: {{date}}.',
    newEdd: 'Nowy termin dostawy: {{date}}.',
    status: {
      confirmed: 'zamówienie {{order}} zostało przyjęte.',
      packed: 'zamówienie {{order}} jest już spakowane.',
      shipped: 'zamówienie {{order}} zostało wysłane.',
      shipped_parcel: 'paczka {{index}}/{{total}} z zamówienia {{order}} została wysłana.',
      in_transit: 'Twoja paczka z zamówienia {{order}} jest w drodze.',
      in_transit_parcel: 'paczka {{index}}/{{total}} z zamówienia {{order}} jest w drodze.',
      out_for_delivery: 'kurier jest już w drodze z zamówieniem {{order}}.',
      out_for_delivery_parcel:
        'kurier jest już w drodze z paczką {{index}}/{{total}} z zamówienia {{order}}.',
      delivered: 'zamówienie {{order}} zostało doręczone.',
      delivered_parcel: 'paczka {{index}}/{{total}} z zamówienia {{order}} została doręczona.',
      delayed: 'dostawa zamówienia {{order}} się opóźnia.',
      delayed_parcel: 'dostawa paczki {{index}}/{{total}} z zamówienia {{order}} się opóźnia.',
      attempt_failed: 'nie udało się doręczyć zamówienia {{order}}.',
      attempt_failed_parcel: 'nie udało się doręczyć paczki {{index}}/{{total}} z zamówienia {{order}}.',
      available_for_pickup: 'zamówienie {{order}} czeka na odbiór.',
      available_for_pickup_parcel: 'paczka {{index}}/{{total}} z zamówienia {{order}} czeka na odbiór.',
      exception: 'wystąpił problem z dostawą zamówienia {{order}}.',
      exception_parcel: 'wystąpił problem z dostawą paczki {{index}}/{{total}} z zamówienia {{order}}.',
      returned: 'zamówienie {{order}} wróciło do nas.',
      returned_parcel: 'paczka {{index}}/{{total}} z zamówienia {{order}} wróciła do nas.',
    },
  },
};
