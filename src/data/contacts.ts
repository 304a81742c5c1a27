/**
 * contacts.csv (SPEC §2.6): one row per contact, validated here and handed on row by row.
 * The loader keeps no contact: every engine folds them as they are read into KPIs per
 * quarter and channel (src/analysis/kpi-acc.ts) and gives the loader their operations.
 */
import type { Contact } from '../schemas/dataset';
import { readTable, type TableContext, type TableResult, type TableSetup } from './table';

/** The rules of contacts.csv, per row, handing each valid contact to `onContact`. */
export function contactsSetup(onContact: (contact: Contact) => void): TableSetup {
  return (cols) => {
    const [id, opened] = ['contact_id', 'opened_at'].map((c) => cols.find(c, true));
    const [channel, wait, handle, abandoned, fcr] = ['channel', 'wait_seconds', 'handle_seconds', 'abandoned', 'resolved_first_contact'].map((c) => cols.find(c));
    if (!id || !opened) return undefined;
    return (c) => {
      c.required(c.text(id, 'contact_id'), id, 'contact_id');
      const at = c.datetime(opened, 'opened_at');
      const waitSeconds = c.number(wait, 'wait_seconds', { min: 0 });
      const handleSeconds = c.number(handle, 'handle_seconds', { min: 0 });
      const abandonedFlag = c.flag(abandoned, 'abandoned');
      const resolvedFirst = c.flag(fcr, 'resolved_first_contact');
      if (!c.required(at, opened, 'opened_at')) return;
      onContact({ at: at!, channel: c.text(channel, 'channel'), line: c.line, wait: waitSeconds, handle: handleSeconds, abandoned: abandonedFlag, resolvedFirst });
    };
  };
}

/** Reads contacts.csv text (the in-memory engine), handing each valid contact to `onContact`. */
export function readContacts(text: string, ctx: TableContext, onContact: (contact: Contact) => void): TableResult {
  return readTable(text, ctx, contactsSetup(onContact));
}
