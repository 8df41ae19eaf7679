import { formatNumber } from '@/shared/format/numbers';
import { ListCount } from '../ListCount';

interface ShownCountProps {
  count: number;
  /** What is counted: ["run", "runs"]. */
  noun: readonly [one: string, many: string];
  /** More pages wait below ("Load more"). */
  more: boolean;
}

/** "Showing 50 runs — more below", announced as the list grows. */
export function ShownCount({ count, noun, more }: ShownCountProps) {
  return <ListCount>{`Showing ${formatNumber(count)} ${count === 1 ? noun[0] : noun[1]}${more ? ' — more below' : ''}`}</ListCount>;
}
