/** Script-tag entry (`<script type="module" src="https://HOST/embed.js">`): defines `<riposte-thread>`. */
import { defineOnce } from './define.ts';
import { RiposteThread } from './riposte-thread.ts';

// The comment server is wherever this file came from. Resolved here, in the entry file:
// in a lazily loaded chunk import.meta.url would be under /assets/.
RiposteThread.defaultServer = new URL(/* @vite-ignore */ '.', import.meta.url).href;

defineOnce('riposte-thread', RiposteThread);
