/** Script-tag entry (`<script type="module" src="https://HOST/embed.js">`): defines `<riposte-thread>`, `<riposte-count>` and `<riposte-recent>`. */
import { defineOnce } from './define.ts';
import { RiposteCount } from './riposte-count.ts';
import { RiposteRecent } from './riposte-recent.ts';
import { RiposteThread } from './riposte-thread.ts';

// The comment server is wherever this file came from. Resolved here, in the entry file:
// in a lazily loaded chunk import.meta.url would be under /assets/.
RiposteThread.defaultServer = new URL(/* @vite-ignore */ '.', import.meta.url).href;
RiposteCount.defaultServer = RiposteThread.defaultServer;
RiposteRecent.defaultServer = RiposteThread.defaultServer;

defineOnce('riposte-thread', RiposteThread);
defineOnce('riposte-count', RiposteCount);
defineOnce('riposte-recent', RiposteRecent);
