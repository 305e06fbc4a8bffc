import type { en } from './en.js';
import type { Catalog } from './shape.js';

// Malay as Malaysian online shops write it: «anda», «sila», kurier, bungkusan; the shop speaking as «kami».

export const ms: Catalog<typeof en> = {
  greeting: {
    named: 'Hai {{name}},',
    anonymous: 'Salam sejahtera,',
  },
  subject: {
    confirmed: '{{merchant}}: Pesanan anda {{order}} telah disahkan',
    packed: '{{merchant}}: Pesanan anda {{order}} telah dibungkus dan sedia untuk dihantar',
    shipped: '{{merchant}}: Pesanan anda {{order}} telah dihantar',
    shipped_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} telah dihantar',
    in_transit: '{{merchant}}: Pesanan anda {{order}} sedang dalam perjalanan',
    in_transit_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} sedang dalam perjalanan',
    out_for_delivery: '{{merchant}}: Pesanan anda {{order}} dijangka tiba hari ini',
    out_for_delivery_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} dijangka tiba hari ini',
    delivered: '{{merchant}}: Pesanan anda {{order}} telah sampai',
    delivered_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} telah sampai',
    delayed: '{{merchant}}: Penghantaran pesanan anda {{order}} mengalami kelewatan',
    delayed_parcel:
      '{{merchant}}: Penghantaran bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} mengalami kelewatan',
    attempt_failed: '{{merchant}}: Penghantaran pesanan anda {{order}} tidak berjaya',
    attempt_failed_parcel:
      '{{merchant}}: Penghantaran bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} tidak berjaya',
    available_for_pickup: '{{merchant}}: Pesanan anda {{order}} sedia untuk diambil',
    available_for_pickup_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} sedia untuk diambil',
    exception: '{{merchant}}: Terdapat masalah dengan penghantaran pesanan anda {{order}}',
    exception_parcel:
      '{{merchant}}: Terdapat masalah dengan penghantaran bungkusan {{index}} daripada {{total}} bagi pesanan {{order}}',
    returned: '{{merchant}}: Pesanan anda {{order}} telah dipulangkan kepada kami',
    returned_parcel:
      '{{merchant}}: Bungkusan {{index}} daripada {{total}} bagi pesanan {{order}} telah dipulangkan kepada kami',
  },
  headline: {
    confirmed: 'Pesanan anda telah disahkan',
    packed: 'Pesanan anda telah dibungkus',
    shipped: 'Pesanan anda telah dihantar',
    shipped_parcel: 'Bungkusan {{index}} daripada {{total}} telah dihantar',
    in_transit: 'Pesanan anda dalam perjalanan',
    in_transit_parcel: 'Bungkusan {{index}} daripada {{total}} dalam perjalanan',
    out_for_delivery: 'Pesanan anda dijangka tiba hari ini',
    out_for_delivery_parcel: 'Bungkusan {{index}} daripada {{total}} dijangka tiba hari ini',
    delivered: 'Pesanan anda telah sampai',
    delivered_parcel: 'Bungkusan {{index}} daripada {{total}} telah sampai',
    delayed: 'Penghantaran anda mengalami kelewatan',
    delayed_parcel: 'Penghantaran bungkusan {{index}} daripada {{total}} mengalami kelewatan',
    attempt_failed: 'Penghantaran tidak berjaya',
    attempt_failed_parcel: 'Penghantaran bungkusan {{index}} daripada {{total}} tidak berjaya',
    available_for_pickup: 'Pesanan anda sedia untuk diambil',
    available_for_pickup_parcel: 'Bungkusan {{index}} daripada {{total}} sedia untuk diambil',
    exception: 'Terdapat masalah dengan penghantaran anda',
    exception_parcel: 'Terdapat masalah dengan bungkusan {{index}} daripada {{total}}',
    returned: 'Pesanan anda telah dipulangkan kepada kami',
    returned_parcel: 'Bungkusan {{index}} daripada {{total}} telah dipulangkan kepada kami',
  },
  lead: {
    confirmed:
      'Terima kasih kerana membeli-belah dengan {{merchant}}! Kami telah menerima pesanan anda dan sedang menyediakannya. Kami akan memaklumkan anda sebaik sahaja pesanan dihantar.',
    packed:
      'Pesanan anda telah dibungkus dan akan diserahkan kepada syarikat kurier tidak lama lagi. Kami akan memaklumkan anda sebaik sahaja ia dihantar.',
    shipped:
      'Berita baik! Pesanan anda telah diserahkan kepada syarikat kurier dan kini dalam perjalanan kepada anda.',
    shipped_parcel:
      'Berita baik! Bungkusan {{index}} daripada {{total}} bagi pesanan anda telah diserahkan kepada syarikat kurier. Item lain dalam pesanan anda akan tiba secara berasingan.',
    in_transit: 'Pesanan anda sedang dalam perjalanan dan akan sampai kepada anda tidak lama lagi.',
    in_transit_parcel:
      'Bungkusan {{index}} daripada {{total}} bagi pesanan anda sedang dalam perjalanan dan akan sampai kepada anda tidak lama lagi.',
    out_for_delivery:
      'Pesanan anda kini bersama kurier dan dijangka tiba hari ini. Pastikan ada seseorang untuk menerimanya.',
    out_for_delivery_parcel:
      'Bungkusan {{index}} daripada {{total}} bagi pesanan anda kini bersama kurier dan dijangka tiba hari ini. Pastikan ada seseorang untuk menerimanya.',
    delivered: 'Pesanan anda telah selamat sampai. Kami harap anda berpuas hati dengan pembelian anda!',
    delivered_parcel:
      'Bungkusan {{index}} daripada {{total}} bagi pesanan anda telah selamat sampai. Kami harap anda berpuas hati dengan pembelian anda!',
    delayed:
      'Harap maaf, penghantaran pesanan anda mengambil masa lebih lama daripada yang dijangkakan. Terima kasih atas kesabaran anda.',
    delayed_parcel:
      'Harap maaf, penghantaran bungkusan {{index}} daripada {{total}} bagi pesanan anda mengambil masa lebih lama daripada yang dijangkakan. Terima kasih atas kesabaran anda.',
    attempt_failed:
      'Kurier telah cuba menghantar pesanan anda, tetapi penghantaran tidak dapat diselesaikan.',
    attempt_failed_parcel:
      'Kurier telah cuba menghantar bungkusan {{index}} daripada {{total}} bagi pesanan anda, tetapi penghantaran tidak dapat diselesaikan.',
    available_for_pickup:
      'Pesanan anda telah tiba di pusat pengambilan dan sedia untuk diambil. Bungkusan hanya disimpan untuk tempoh yang terhad, jadi sila ambil secepat mungkin.',
    available_for_pickup_parcel:
      'Bungkusan {{index}} daripada {{total}} bagi pesanan anda telah tiba di pusat pengambilan dan sedia untuk diambil. Bungkusan hanya disimpan untuk tempoh yang terhad, jadi sila ambil secepat mungkin.',
    exception: 'Harap maaf, terdapat masalah dengan penghantaran pesanan anda.',
    exception_parcel:
      'Harap maaf, terdapat masalah dengan penghantaran bungkusan {{index}} daripada {{total}} bagi pesanan anda.',
    returned: 'Pesanan anda telah dipulangkan kepada kami oleh syarikat kurier.',
    returned_parcel:
      'Bungkusan {{index}} daripada {{total}} bagi pesanan anda telah dipulangkan kepada kami oleh syarikat kurier.',
  },
  delay: {
    carrier_reported: 'Syarikat kurier telah memaklumkan kami tentang kelewatan penghantaran.',
    edd_passed: 'Tarikh jangkaan penghantaran telah berlalu, tetapi bungkusan anda masih belum tiba.',
    stalled: 'Syarikat kurier tidak memberikan sebarang kemas kini sejak beberapa hari lalu.',
    newDate: 'Kami sedang memantau penghantaran ini dan akan memaklumkan anda jika ada sebarang perubahan.',
    noDate:
      'Kami sedang memantau penghantaran ini dan akan memaklumkan anda sebaik sahaja tarikh penghantaran baharu diketahui.',
  },
  problem: {
    substatus: {
      address_issue:
        'Kurier tidak dapat menghantar ke alamat yang diberikan. Alamat tersebut mungkin tidak lengkap atau tidak tepat.',
      recipient_unavailable: 'Tiada sesiapa di alamat penghantaran untuk menerima bungkusan.',
      access_issue: 'Kurier tidak dapat masuk ke alamat penghantaran.',
      business_closed: 'Premis perniagaan di alamat penghantaran ditutup ketika kurier tiba.',
      refused: 'Bungkusan telah ditolak di alamat penghantaran.',
      customs_hold: 'Bungkusan anda sedang ditahan oleh pihak kastam.',
      payment_required: 'Duti import atau caj lain perlu dibayar sebelum bungkusan anda boleh dihantar.',
      damaged: 'Syarikat kurier melaporkan bahawa bungkusan anda rosak semasa dalam perjalanan.',
      lost: 'Syarikat kurier melaporkan bahawa bungkusan anda telah hilang.',
      undeliverable: 'Syarikat kurier tidak dapat menghantar bungkusan anda.',
    },
    generic: 'Syarikat kurier telah melaporkan masalah yang menyebabkan penghantaran anda tergendala.',
    generic_attempt:
      'Ini boleh berlaku jika tiada sesiapa di rumah atau kurier tidak dapat sampai ke pintu anda.',
  },
  advice: {
    delivered:
      'Tidak menjumpai bungkusan anda? Semak di sekitar pintu atau tanya jiran anda. Jika masih tidak dijumpai, sila hubungi kami.',
    attempt_failed:
      'Kebiasaannya, kurier akan cuba menghantar semula atau meninggalkan maklumat tentang cara mengambil bungkusan. Semak halaman penjejakan untuk maklumat terkini, dan hubungi kami jika anda memerlukan bantuan.',
    available_for_pickup: 'Sila bawa nombor penjejakan dan kad pengenalan anda semasa mengambil bungkusan.',
    exception: 'Sila hubungi kami dan kami akan membantu menyelesaikannya secepat mungkin.',
    returned:
      'Jika anda tidak menjangkakan pemulangan ini atau ingin kami menghantar semula pesanan anda, sila hubungi kami.',
  },
  edd: {
    label: 'Anggaran tarikh penghantaran',
    labelNew: 'Anggaran tarikh penghantaran baharu',
  },
  details: {
    order: 'Nombor pesanan',
    parcel: 'Bungkusan',
    parcelValue: '{{index}} daripada {{total}}',
    carrier: 'Syarikat kurier',
    trackingNumber: 'Nombor penjejakan',
    lastUpdate: 'Kemas kini terkini',
    place: '{{city}}, {{country}}',
  },
  cta: {
    track: 'Jejak pesanan anda',
    track_parcel: 'Jejak bungkusan anda',
    fallback: 'Jika butang tidak berfungsi, salin pautan ini ke pelayar anda:',
  },
  items: {
    title: 'Item dalam pesanan anda',
    line: '{{name}} × {{quantity}}',
  },
  support: {
    needHelp: 'Perlukan bantuan? Hubungi kami:',
    email: 'E-mel',
    web: 'Pusat bantuan',
  },
  footer: {
    questions: 'Ada pertanyaan tentang pesanan anda? Kami sedia membantu.',
    sentBy: 'Anda menerima e-mel ini kerana anda telah membuat pesanan dengan {{merchant}}.',
  },
  format: {
    labelValue: '{{label}}: {{value}}',
    withNote: '{{value}} ({{note}})',
  },
  sms: {
    message: '{{merchant}}: {{status}} Jejak: {{url}}',
    message_edd: '{{merchant}}: {{status}} {{edd}} Jejak: {{url}}',
    edd: 'Dijangka tiba {{date}}.',
    newEdd: 'Kini dijangka tiba {{date}}.',
    status: {
      confirmed: 'Pesanan anda {{order}} telah disahkan.',
      packed: 'Pesanan anda {{order}} telah dibungkus dan sedia untuk dihantar.',
      shipped: 'Pesanan anda {{order}} telah dihantar.',
      shipped_parcel: 'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} telah dihantar.',
      in_transit: 'Pesanan anda {{order}} sedang dalam perjalanan.',
      in_transit_parcel: 'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} sedang dalam perjalanan.',
      out_for_delivery: 'Pesanan anda {{order}} dijangka tiba hari ini.',
      out_for_delivery_parcel: 'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} dijangka tiba hari ini.',
      delivered: 'Pesanan anda {{order}} telah sampai.',
      delivered_parcel: 'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} telah sampai.',
      delayed: 'Penghantaran pesanan anda {{order}} tertangguh.',
      delayed_parcel: 'Penghantaran bungkusan {{index}}/{{total}} bagi pesanan {{order}} tertangguh.',
      attempt_failed: 'Penghantaran pesanan anda {{order}} tidak berjaya.',
      attempt_failed_parcel:
        'Penghantaran bungkusan {{index}}/{{total}} bagi pesanan {{order}} tidak berjaya.',
      available_for_pickup: 'Pesanan anda {{order}} sedia untuk diambil.',
      available_for_pickup_parcel:
        'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} sedia untuk diambil.',
      exception: 'Terdapat masalah dengan penghantaran pesanan anda {{order}}.',
      exception_parcel:
        'Terdapat masalah dengan penghantaran bungkusan {{index}}/{{total}} bagi pesanan {{order}}.',
      returned: 'Pesanan anda {{order}} telah dipulangkan kepada kami.',
      returned_parcel: 'Bungkusan {{index}}/{{total}} bagi pesanan {{order}} telah dipulangkan kepada kami.',
    },
  },
};
