/** The admin view's entry: defines `<riposte-admin>`, which does the rest. */
import './riposte-admin.ts';
