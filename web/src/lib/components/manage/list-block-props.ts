// What every block of an editable list (a service, a key figure, a source) is given by its page.
import type { Problems } from '../../forms/manage/form-problems.ts';

export interface ListBlockProps<TBlock> {
  /** The block's values: as stored, or as posted when the form came back. */
  block: TBlock;
  index: number;
  /** How many blocks the list has (the last one has no "Move down"). */
  count: number;
  /** The language edited, and its direction. */
  lang: string;
  dir: 'ltr' | 'rtl';
  problems: Problems | null | undefined;
  /** The form's action, which the block's buttons post to with their fragment. */
  action: string;
}
