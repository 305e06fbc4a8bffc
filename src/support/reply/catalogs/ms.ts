import type { Catalog } from '../../../notifications/render/catalogs/shape.js';
import type { en } from './en.js';

// Bahasa Melayu (Malaysia): a formal reply, «Tuan/Puan» in the greeting when the name is not known and the
// neutral, polite «anda» in the body, with «sila» for requests; «Sekian, terima kasih.» closes, as in
// Malaysian business letters. «Syarikat penghantaran» is the carrier, «bungkusan» the parcel.

export const ms: Catalog<typeof en> = {
  subject: {
    line: 'Kemas kini pesanan {{order}} ({{merchant}}): {{state}}',
    state: {
      ordered: 'sedang disediakan',
      confirmed: 'telah disahkan',
      packed: 'telah dibungkus',
      partially_shipped: 'sebahagiannya telah dihantar',
      shipped: 'telah dihantar',
      in_transit: 'dalam perjalanan',
      out_for_delivery: 'dalam penghantaran',
      partially_delivered: 'sebahagiannya telah sampai',
      delivered: 'telah sampai',
      delayed: 'penghantaran lewat',
      attempt_failed: 'cubaan penghantaran tidak berjaya',
      available_for_pickup: 'sedia untuk diambil',
      exception: 'masalah penghantaran',
      returned: 'telah dipulangkan kepada kami',
      cancelled: 'telah dibatalkan',
    },
  },
  greeting: {
    named: 'Salam sejahtera {{name}},',
    anonymous: 'Salam sejahtera Tuan/Puan,',
  },
  intro: 'Terima kasih kerana menghubungi kami mengenai pesanan anda {{order}}.',
  order: {
    ordered: 'Kami telah menerima pesanan anda dan sedang menyediakannya.',
    confirmed: 'Pesanan anda telah disahkan dan kami sedang menyediakannya.',
    packed: 'Pesanan anda telah dibungkus dan akan diserahkan kepada syarikat penghantaran tidak lama lagi.',
    cancelled: 'Pesanan anda telah dibatalkan.',
    noTracking:
      'Butiran penjejakan untuk pesanan anda belum tersedia, dan kami akan menghantarnya kepada anda sebaik sahaja ia tersedia.',
    trackingSoon: 'Kami akan menghantar butiran penjejakan sebaik sahaja pesanan anda dihantar.',
    split:
      'Pesanan anda dihantar dalam beberapa bungkusan yang berasingan, jadi berikut ialah maklumat terkini bagi setiap bungkusan.',
    partially_shipped:
      'Sebahagian daripada pesanan anda masih sedang disediakan, dan kami akan menghantar butiran penjejakannya sebaik sahaja ia dihantar.',
  },
  parcel: {
    yours: 'Bungkusan anda',
    countOf: 'Bungkusan {{index}} daripada {{total}}',
    numbered: 'Bungkusan {{index}}',
  },
  status: {
    pending:
      '{{parcel}} sudah mempunyai nombor penjejakan, tetapi syarikat penghantaran belum berkongsi sebarang maklumat terkini mengenainya.',
    info_received:
      '{{parcel}} telah didaftarkan dengan syarikat penghantaran dan sedang menunggu untuk diambil oleh mereka.',
    in_transit: '{{parcel}} sedang dalam perjalanan.',
    out_for_delivery: '{{parcel}} telah dibawa keluar oleh kurier untuk dihantar.',
    available_for_pickup: '{{parcel}} sedang menunggu anda di tempat pengambilan.',
    attempt_failed:
      '{{parcel}} tidak dapat diserahkan: syarikat penghantaran telah cuba menghantarnya, tetapi tidak berjaya.',
    delivered: '{{parcel}} telah sampai, menurut syarikat penghantaran.',
    exception:
      '{{parcel}} memerlukan perhatian: syarikat penghantaran telah melaporkan masalah dengan penghantarannya.',
    returning: '{{parcel}} sedang dalam perjalanan pulang kepada kami.',
    returned: '{{parcel}} telah dipulangkan kepada kami.',
    cancelled: '{{parcel}} tidak akan dihantar kerana penghantarannya telah dibatalkan.',
    expired:
      '{{parcel}} sudah lama tidak mempunyai sebarang maklumat terkini daripada syarikat penghantaran.',
  },
  ref: {
    carrier: 'Nombor penjejakan: {{tracking}} ({{carrier}})',
    plain: 'Nombor penjejakan: {{tracking}}',
    carrierOnly: 'Syarikat penghantaran: {{carrier}}',
  },
  where: {
    placeTime: 'Maklumat terkini daripada syarikat penghantaran: {{place}}, {{time}}.',
    place: 'Maklumat terkini daripada syarikat penghantaran: {{place}}.',
    time: 'Maklumat terkini daripada syarikat penghantaran: {{time}}.',
    cityCountry: '{{city}}, {{country}}',
  },
  delivered: {
    at: 'Syarikat penghantaran merekodkan penghantaran ini: {{time}}.',
    atPlace: 'Syarikat penghantaran merekodkan penghantaran ini: {{time}} ({{place}}).',
  },
  delay: {
    carrier_reported:
      'Malangnya, syarikat penghantaran telah memaklumkan kepada kami bahawa penghantaran ini lewat.',
    edd_passed: 'Malangnya, tarikh jangkaan penghantaran telah berlalu dan bungkusan masih belum sampai.',
    edd_passed_date: 'Malangnya, bungkusan dijangka sampai pada {{date}}, tetapi masih belum sampai.',
    stalled:
      'Malangnya, syarikat penghantaran tidak berkongsi sebarang maklumat terkini sejak beberapa hari lalu.',
    unknown: 'Malangnya, penghantaran mengambil masa lebih lama daripada yang dijangkakan.',
    watching:
      'Kami memohon maaf atas kelewatan ini. Kami sedang memantaunya dengan teliti dan akan memaklumkan anda sebaik sahaja ada perkembangan.',
  },
  eta: {
    carrier: 'Syarikat penghantaran menjangkakan bungkusan akan sampai pada {{date}}.',
    predicted:
      'Kami menjangkakan bungkusan akan sampai pada {{date}}, berdasarkan penghantaran terkini di laluan yang sama.',
    promised: 'Tarikh penghantaran yang dimaklumkan semasa anda membuat pesanan ialah {{date}}.',
    passed: 'Bungkusan ini dijangka sampai pada {{date}}.',
    window:
      'Tempoh masa penghantaran yang diberikan oleh syarikat penghantaran ialah {{start}} hingga {{end}}.',
    windowFrom: 'Syarikat penghantaran menjangkakan penghantaran bermula dari {{start}}.',
    windowUntil: 'Syarikat penghantaran menjangkakan bungkusan akan sampai sebelum {{end}}.',
  },
  next: {
    pending: 'Perjalanannya akan dapat dijejaki sebaik sahaja syarikat penghantaran mengimbasnya.',
    info_received:
      'Sebaik sahaja syarikat penghantaran mengambilnya, bungkusan akan mula dihantar kepada anda.',
    in_transit: 'Seterusnya, syarikat penghantaran akan membawanya keluar untuk dihantar kepada anda.',
    out_for_delivery: 'Sila pastikan ada seseorang untuk menerimanya.',
    out_for_delivery_today:
      'Bungkusan dijangka sampai hari ini, jadi sila pastikan ada seseorang untuk menerimanya.',
    out_for_delivery_stale:
      'Sejak itu, syarikat penghantaran belum mengesahkan penghantarannya. Jika bungkusan belum sampai, sila balas mesej ini dan kami akan menyemaknya dengan syarikat penghantaran.',
    available_for_pickup:
      'Tempat pengambilan hanya menyimpan bungkusan untuk tempoh yang terhad, jadi sila ambil sebelum tarikh akhir yang ditetapkan oleh syarikat penghantaran. Sila bawa nombor penjejakan dan dokumen pengenalan diri bergambar.',
    attempt_failed:
      'Biasanya syarikat penghantaran akan mencuba sekali lagi atau meninggalkan arahan untuk mengambil bungkusan.',
    delivered:
      'Jika anda tidak menjumpainya, sila semak di sekitar pintu dan tempat selamat yang mungkin digunakan oleh kurier, serta tanya jiran anda. Jika masih tidak dijumpai, sila balas mesej ini dan kami akan menyiasatnya bersama syarikat penghantaran.',
    exception:
      'Kami sedang menyemak dengan syarikat penghantaran untuk mendapatkan maklumat lanjut dan akan menghubungi anda sebaik sahaja menerima maklum balas.',
    returning:
      'Sebaik sahaja bungkusan sampai kepada kami, kami boleh menghantarnya semula atau membuat bayaran balik. Sila balas mesej ini untuk memaklumkan pilihan anda.',
    returned:
      'Kami boleh menghantarnya semula atau membuat bayaran balik. Sila balas mesej ini untuk memaklumkan pilihan anda.',
    cancelled: 'Jika anda tidak menjangkakan perkara ini, sila balas mesej ini dan kami akan menyemaknya.',
    expired:
      'Jika bungkusan belum sampai, sila balas mesej ini dan kami akan menyemaknya dengan syarikat penghantaran.',
  },
  rearrange: {
    carrier:
      'Anda juga boleh mengatur penghantaran semula atau pengambilan terus dengan {{carrier}} menggunakan nombor penjejakan di atas.',
    us: 'Jika anda mahu kami mengatur penghantaran semula dengan syarikat penghantaran, sila balas mesej ini.',
  },
  closing: {
    track: 'Anda boleh menjejaki pesanan anda pada bila-bila masa di sini: {{url}}',
    reply: 'Jika ada sebarang pertanyaan lain, sila balas mesej ini.',
    replyEmail:
      'Jika ada sebarang pertanyaan lain, sila balas mesej ini atau e-mel kepada kami di {{email}}.',
  },
  signOff: {
    regards: 'Sekian, terima kasih.',
    team: 'Pasukan {{merchant}}',
  },
};
