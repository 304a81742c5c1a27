/** Preset `servqual-22`: the 22 SERVQUAL items with the short labels charts use (SPEC §2.1). */
import type { Dimension, Item } from '../schemas/questionnaire';

const LABELS: Record<Dimension, string[]> = {
  tangibles: ['Up-to-date equipment', 'Appealing premises', 'Staff well presented', 'Clear, attractive materials'],
  reliability: ['Keeps its promises about timing', 'Sorts out problems sincerely', 'Right the first time', 'Delivers when it said it would', 'Accurate records and bills'],
  responsiveness: ['Says when things will happen', 'Prompt service', 'Always willing to help', 'Never too busy to respond'],
  assurance: ['Staff inspire confidence', 'Customers feel safe dealing with it', 'Staff consistently courteous', 'Staff know the answers'],
  empathy: ['Individual attention', 'Convenient opening hours', 'Personal care from staff', "Has customers' interests at heart", "Understands customers' specific needs"],
};

const PREFIX: Record<Dimension, string> = { tangibles: 'tan', reliability: 'rel', responsiveness: 'res', assurance: 'ass', empathy: 'emp' };

export const PRESETS: Record<'servqual-22', Item[]> = {
  'servqual-22': (Object.keys(LABELS) as Dimension[]).flatMap((dimension) =>
    LABELS[dimension].map((text, i) => ({ id: `${PREFIX[dimension]}${i + 1}`, dimension, text })),
  ),
};
