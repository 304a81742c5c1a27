/**
 * Built-in instruments. `servqual-22`: the 22 SERVQUAL items with the short labels charts use
 * (SPEC §2.1), the default. `ecsi`: an ECSI-style construct set (ECSI Technical Committee 1998;
 * Eklöf & Westlund 2002): image, expectations, perceived quality, perceived value,
 * satisfaction and loyalty, items with no SERVQUAL dimension, so the gap model reads
 * "not measured" and the constructs carry α, means and drivers.
 */
import type { Construct, Dimension, Item } from '../schemas/questionnaire';

const LABELS: Record<Dimension, string[]> = {
  tangibles: ['Up-to-date equipment', 'Appealing premises', 'Staff well presented', 'Clear, attractive materials'],
  reliability: ['Keeps its promises about timing', 'Sorts out problems sincerely', 'Right the first time', 'Delivers when it said it would', 'Accurate records and bills'],
  responsiveness: ['Says when things will happen', 'Prompt service', 'Always willing to help', 'Never too busy to respond'],
  assurance: ['Staff inspire confidence', 'Customers feel safe dealing with it', 'Staff consistently courteous', 'Staff know the answers'],
  empathy: ['Individual attention', 'Convenient opening hours', 'Personal care from staff', "Has customers' interests at heart", "Understands customers' specific needs"],
};

/**
 * The same 22 labels as a French and a Vietnamese reader would write them (the French and
 * Vietnamese editions show the items in their language; test/i18n/servqual-items.test.ts).
 */
const LABELS_FR: Record<Dimension, string[]> = {
  tangibles: ['Équipements modernes', 'Locaux attrayants', 'Personnel à la tenue soignée', 'Documents clairs et attrayants'],
  reliability: ['Tient ses promesses de délai', 'Résout les problèmes avec sincérité', 'Bon du premier coup', 'Rend le service au moment promis', 'Dossiers et factures exacts'],
  responsiveness: ['Dit quand le service sera rendu', 'Service rapide', 'Toujours prêt à aider', 'Jamais trop occupé pour répondre'],
  assurance: ['Personnel qui inspire confiance', 'Clients en confiance dans leurs échanges', 'Personnel toujours courtois', 'Personnel qui sait répondre'],
  empathy: ['Attention individuelle', 'Horaires d’ouverture pratiques', 'Suivi personnalisé par le personnel', 'A à cœur l’intérêt des clients', 'Comprend les besoins propres à chaque client'],
};
const LABELS_VI: Record<Dimension, string[]> = {
  tangibles: ['Trang thiết bị hiện đại', 'Cơ sở khang trang, hấp dẫn', 'Nhân viên trang phục gọn gàng', 'Tài liệu rõ ràng, hấp dẫn'],
  reliability: ['Giữ đúng hẹn về thời gian', 'Giải quyết vấn đề một cách chân thành', 'Làm đúng ngay từ lần đầu', 'Cung cấp dịch vụ đúng thời điểm đã hứa', 'Hồ sơ và hóa đơn chính xác'],
  responsiveness: ['Thông báo khi nào dịch vụ được thực hiện', 'Phục vụ nhanh chóng', 'Luôn sẵn lòng giúp đỡ', 'Không bao giờ quá bận để phản hồi'],
  assurance: ['Nhân viên tạo được sự tin tưởng', 'Khách hàng an tâm khi giao dịch', 'Nhân viên luôn lịch sự', 'Nhân viên đủ kiến thức để trả lời'],
  empathy: ['Quan tâm đến từng khách hàng', 'Giờ mở cửa thuận tiện', 'Nhân viên chăm sóc tận tình', 'Đặt lợi ích của khách hàng lên hàng đầu', 'Hiểu nhu cầu riêng của khách hàng'],
};

const PREFIX: Record<Dimension, string> = { tangibles: 'tan', reliability: 'rel', responsiveness: 'res', assurance: 'ass', empathy: 'emp' };

/** ECSI constructs: id, label, item texts (ids `<id>1`, `<id>2`, …), and whether they explain satisfaction. */
const ECSI: { id: string; label: string; driver: boolean; items: string[] }[] = [
  { id: 'image', label: 'Image', driver: true, items: ['Is trustworthy', 'Is stable and well established', 'Contributes to society', 'Cares about its customers', 'Is innovative and forward looking'] },
  { id: 'expectations', label: 'Expectations', driver: true, items: ['Expected overall quality', 'Expected to meet my needs', 'Expected reliability'] },
  {
    id: 'quality',
    label: 'Perceived quality',
    driver: true,
    items: ['Overall quality', 'Quality of the products', 'Quality of customer service', 'Reliability of products and services', 'Range of products and services', 'Clear information', 'Helpful advice'],
  },
  { id: 'value', label: 'Perceived value', driver: true, items: ['Value for money', 'Price given the quality'] },
  { id: 'satisfaction', label: 'Satisfaction', driver: false, items: ['Overall satisfaction', 'Meets my expectations', 'Close to the ideal provider'] },
  { id: 'loyalty', label: 'Loyalty', driver: false, items: ['Would choose it again', 'Would recommend it', 'Would stay if prices rose'] },
];

export const PRESETS: Record<'servqual-22' | 'ecsi', Item[]> = {
  'servqual-22': (Object.keys(LABELS) as Dimension[]).flatMap((dimension) =>
    LABELS[dimension].map((en, i) => ({ id: `${PREFIX[dimension]}${i + 1}`, dimension, text: { en, fr: LABELS_FR[dimension][i], vi: LABELS_VI[dimension][i] } })),
  ),
  ecsi: ECSI.flatMap((c) => c.items.map((text, i) => ({ id: `${c.id}${i + 1}`, text }))),
};

/** The constructs a preset declares (before the questionnaire's own `constructs:`). */
export const PRESET_CONSTRUCTS: Record<'servqual-22' | 'ecsi', Construct[]> = {
  'servqual-22': [],
  ecsi: ECSI.map((c) => ({ id: c.id, label: c.label, driver: c.driver, items: c.items.map((_, i) => `${c.id}${i + 1}`) })),
};
