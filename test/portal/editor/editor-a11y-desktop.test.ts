/** axe-core on the editor pages at a desktop width (test/portal/editor/editor-a11y.ts). */
import { editorA11ySuite } from './editor-a11y.js';

editorA11ySuite({ name: 'desktop', width: 1280, height: 900 });
