/** The order the reader last chose for threads, remembered in this browser for every page of the blog. */
import { THREAD_SORTS, type ThreadSort } from '../shared/wire.ts';
import { read, write } from './storage.ts';

const KEY = 'riposte:sort';

export function loadSort(): ThreadSort {
  return THREAD_SORTS.find((sort) => sort === read(KEY)) ?? 'oldest';
}

export function saveSort(sort: ThreadSort): void {
  write(KEY, sort === 'oldest' ? null : sort);
}
