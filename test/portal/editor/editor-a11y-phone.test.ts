/** axe-core on the editor pages at a phone's 390 px (test/portal/editor/editor-a11y.ts). */
import { editorA11ySuite } from './editor-a11y.js';

editorA11ySuite({ name: 'phone', width: 390, height: 844 });
