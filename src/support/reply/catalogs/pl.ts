import type { Catalog } from '../../../notifications/render/catalogs/shape.js';
import type { en } from './en.js';

// Polish: a reply from customer service to someone whose gender we do not know, so no «Pan/Pani» and no
// second-person verbs that would need it; the shop speaks as «my» and asks in impersonal forms («prosimy
// sprawdzić», «wystarczy odpowiedzieć»). «Przesyłka» agrees in the feminine. Place names and Intl dates
// come in the nominative, so they follow a colon and never a preposition that would need another case.

export const pl: Catalog<typeof en> = {
  subject: {
    line: 'Zamówienie {{order}} ({{merchant}}): {{state}}',
    state: {
      ordered: 'w przygotowaniu',
      confirmed: 'potwierdzone',
      packed: 'spakowane',
      partially_shipped: 'częściowo wysłane',
      shipped: 'wysłane',
      in_transit: 'w drodze',
      out_for_delivery: 'w doręczeniu',
      partially_delivered: 'częściowo doręczone',
      delivered: 'doręczone',
      delayed: 'opóźnienie dostawy',
      attempt_failed: 'nieudana próba doręczenia',
      available_for_pickup: 'czeka na odbiór',
      exception: 'problem z dostawą',
      returned: 'wróciło do nas',
      cancelled: 'anulowane',
    },
  },
  greeting: {
    named: 'Dzień dobry, {{name}},',
    anonymous: 'Dzień dobry,',
  },
  intro: 'Dziękujemy za wiadomość w sprawie zamówienia {{order}}.',
  order: {
    ordered: 'Zamówienie zostało przyjęte i jest w przygotowaniu.',
    confirmed: 'Zamówienie zostało potwierdzone i jest w przygotowaniu.',
    packed: 'Zamówienie jest spakowane i wkrótce zostanie przekazane przewoźnikowi.',
    cancelled: 'Zamówienie zostało anulowane.',
    noTracking: 'Nie mamy jeszcze danych do śledzenia tego zamówienia; prześlemy je, gdy tylko je otrzymamy.',
    trackingSoon: 'Gdy tylko zamówienie zostanie wysłane, prześlemy dane do śledzenia przesyłki.',
    split: 'Zamówienie zostało podzielone na kilka przesyłek, dlatego poniżej informacje o każdej z nich.',
    partially_shipped:
      'Część zamówienia jest jeszcze w przygotowaniu; gdy tylko zostanie wysłana, prześlemy dane do jej śledzenia.',
  },
  parcel: {
    yours: 'Przesyłka',
    countOf: 'Przesyłka {{index}} z {{total}}',
    numbered: 'Przesyłka {{index}}',
  },
  status: {
    pending:
      '{{parcel}} ma już numer do śledzenia, ale przewoźnik nie przekazał jeszcze żadnych informacji na jej temat.',
    info_received: '{{parcel}} została zarejestrowana u przewoźnika i czeka na odbiór przez kuriera.',
    in_transit: '{{parcel}} jest w drodze.',
    out_for_delivery: '{{parcel}} została wydana kurierowi do doręczenia.',
    available_for_pickup: '{{parcel}} czeka na odbiór w punkcie odbioru.',
    attempt_failed:
      '{{parcel}} nie została doręczona: kurier próbował ją dostarczyć, ale nie udało się jej przekazać.',
    delivered: '{{parcel}} została doręczona – tak wynika z danych przewoźnika.',
    exception: '{{parcel}} wymaga uwagi: przewoźnik zgłosił problem z jej doręczeniem.',
    returning: '{{parcel}} wraca do nas.',
    returned: '{{parcel}} wróciła do nas.',
    cancelled: '{{parcel}} nie zostanie doręczona, ponieważ jej nadanie zostało anulowane.',
    expired: '{{parcel}} od dawna nie ma żadnych nowych informacji w systemie przewoźnika.',
  },
  ref: {
    carrier: 'Numer przesyłki: {{tracking}} ({{carrier}})',
    plain: 'Numer przesyłki: {{tracking}}',
    carrierOnly: 'Przewoźnik: {{carrier}}',
  },
  where: {
    placeTime: 'Ostatnia informacja od przewoźnika: {{place}}, {{time}}.',
    place: 'Ostatnia informacja od przewoźnika: {{place}}.',
    time: 'Ostatnia informacja od przewoźnika: {{time}}.',
    cityCountry: '{{city}}, {{country}}',
  },
  delivered: {
    at: 'Przewoźnik odnotował doręczenie: {{time}}.',
    atPlace: 'Przewoźnik odnotował doręczenie: {{time}} ({{place}}).',
  },
  delay: {
    carrier_reported: 'Niestety przewoźnik poinformował nas, że dostawa się opóźni.',
    edd_passed: 'Niestety przewidywany termin dostawy już minął, a przesyłka jeszcze nie dotarła.',
    edd_passed_date:
      'Niestety przewidywany termin dostawy ({{date}}) już minął, a przesyłka jeszcze nie dotarła.',
    stalled: 'Niestety od kilku dni przewoźnik nie przekazał żadnych nowych informacji.',
    unknown: 'Niestety dostawa trwa dłużej, niż zakładaliśmy.',
    watching:
      'Przepraszamy za oczekiwanie. Uważnie śledzimy przesyłkę i damy znać, gdy tylko pojawią się nowe informacje.',
  },
  eta: {
    carrier: 'Przewidywany termin doręczenia według przewoźnika: {{date}}.',
    predicted:
      'Szacowany przez nas termin doręczenia: {{date}} (na podstawie ostatnich dostaw na tej trasie).',
    promised: 'Termin dostawy podany przy składaniu zamówienia: {{date}}.',
    passed: 'Pierwotnie przewidywany termin doręczenia: {{date}}.',
    window: 'Przedział czasowy doręczenia podany przez przewoźnika: {{start}}–{{end}}.',
    windowFrom: 'Przewoźnik planuje doręczenie od {{start}}.',
    windowUntil: 'Przewoźnik planuje doręczenie do {{end}}.',
  },
  next: {
    pending: 'Informacje o jej drodze pojawią się, gdy tylko przewoźnik ją zeskanuje.',
    info_received: 'Gdy kurier ją odbierze, przesyłka wyruszy w drogę.',
    in_transit: 'Następnym krokiem będzie wydanie jej kurierowi do doręczenia.',
    out_for_delivery: 'Prosimy zadbać o to, by ktoś mógł ją odebrać.',
    out_for_delivery_today:
      'Przesyłka powinna zostać doręczona dzisiaj, dlatego prosimy zadbać o to, by ktoś mógł ją odebrać.',
    out_for_delivery_stale:
      'Od tego czasu przewoźnik nie potwierdził doręczenia. Jeśli przesyłka nie dotarła, wystarczy odpowiedzieć na tę wiadomość – sprawdzimy to u przewoźnika.',
    available_for_pickup:
      'Punkty odbioru przechowują przesyłki tylko przez określony czas, dlatego prosimy odebrać ją przed upływem terminu wyznaczonego przez przewoźnika. Przy odbiorze potrzebny będzie numer przesyłki i dokument tożsamości.',
    attempt_failed:
      'Zwykle przewoźnik podejmuje kolejną próbę doręczenia albo zostawia informację, jak odebrać przesyłkę.',
    delivered:
      'Jeśli przesyłki nie widać, prosimy sprawdzić okolice drzwi i miejsca, w których kurier mógł ją zostawić, oraz zapytać sąsiadów. Jeśli nadal się nie znajdzie, wystarczy odpowiedzieć na tę wiadomość – wyjaśnimy sprawę z przewoźnikiem.',
    exception: 'Sprawdzamy szczegóły u przewoźnika i odezwiemy się, gdy tylko otrzymamy odpowiedź.',
    returning:
      'Gdy przesyłka do nas wróci, możemy wysłać ją ponownie albo zwrócić pieniądze – wystarczy odpowiedzieć na tę wiadomość i wskazać preferowane rozwiązanie.',
    returned:
      'Możemy wysłać ją ponownie albo zwrócić pieniądze – wystarczy odpowiedzieć na tę wiadomość i wskazać preferowane rozwiązanie.',
    cancelled:
      'Jeśli to niespodziewana informacja, wystarczy odpowiedzieć na tę wiadomość – wyjaśnimy sprawę.',
    expired:
      'Jeśli przesyłka nie dotarła, wystarczy odpowiedzieć na tę wiadomość – wyjaśnimy sprawę z przewoźnikiem.',
  },
  rearrange: {
    carrier:
      'Nowy termin doręczenia lub odbiór w punkcie można też ustalić bezpośrednio z {{carrier}}, podając powyższy numer przesyłki.',
    us: 'Jeśli nowy termin doręczenia mamy ustalić z przewoźnikiem my, wystarczy odpowiedzieć na tę wiadomość.',
  },
  closing: {
    track: 'Status zamówienia można sprawdzić w każdej chwili tutaj: {{url}}',
    reply: 'W razie dodatkowych pytań wystarczy odpowiedzieć na tę wiadomość.',
    replyEmail:
      'W razie dodatkowych pytań wystarczy odpowiedzieć na tę wiadomość lub napisać do nas na adres {{email}}.',
  },
  signOff: {
    regards: 'Pozdrawiamy serdecznie',
    team: 'Zespół {{merchant}}',
  },
};
