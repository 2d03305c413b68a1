// The studio's code editor: CodeMirror 6 configured for ASL's JSON, behind a small global API
// (`window.StatelabEditor`) that the Rust app binds with wasm-bindgen (app/src/code_editor.rs).
//
// Offsets in and out of this API are JavaScript string indices (UTF-16 code units) into the
// exact text: the line separator is fixed to "\n", so a "\r" stays a character of its line and
// getText() returns the bytes it was given, line endings included.

import { Annotation, EditorState } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from '@codemirror/view';
import {
  history, historyKeymap, defaultKeymap, indentWithTab, isolateHistory, undo, redo,
} from '@codemirror/commands';
import {
  syntaxHighlighting, bracketMatching, foldGutter, foldKeymap, indentOnInput,
} from '@codemirror/language';
import { json } from '@codemirror/lang-json';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { setDiagnostics, lintKeymap } from '@codemirror/lint';
import { classHighlighter } from '@lezer/highlight';

// Marks transactions made through this API, so they are not reported back as the person's own.
const fromApp = Annotation.define();

// User events that complete an edit in one go (typing, by contrast, is settled by the app).
const WHOLE_EDITS = ['input.paste', 'input.drop', 'undo', 'redo'];

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function clamp(n, length) {
  const v = Number.isFinite(n) ? Math.trunc(n) : 0;
  return Math.max(0, Math.min(v, length));
}

/** The single change that turns `old` into `next`: only the differing middle is replaced. */
function minimalChange(old, next) {
  let start = 0;
  const shortest = Math.min(old.length, next.length);
  while (start < shortest && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNext = next.length;
  while (endOld > start && endNext > start && old.charCodeAt(endOld - 1) === next.charCodeAt(endNext - 1)) {
    endOld--;
    endNext--;
  }
  return { from: start, to: endOld, insert: next.slice(start, endNext) };
}

class Editor {
  constructor(parent, text, onChange) {
    this.selectionListeners = [];
    const notify = EditorView.updateListener.of((update) => {
      const own = update.transactions.some((tr) => tr.annotation(fromApp));
      if (own) return;
      // A paste, a drop, an undo or a redo is one finished edit: show it at once.
      if (update.docChanged) onChange(update.transactions.some((tr) => WHOLE_EDITS.some((e) => tr.isUserEvent(e))));
      if (update.selectionSet) {
        const { from, to } = update.state.selection.main;
        for (const listener of this.selectionListeners) listener(from, to);
      }
    });
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorState.lineSeparator.of('\n'),
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          drawSelection(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          bracketMatching(),
          highlightSelectionMatches(),
          json(),
          syntaxHighlighting(classHighlighter),
          search({ top: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': 'Definition text', spellcheck: 'false' }),
          notify,
        ],
      }),
    });
  }

  /** The whole text, exactly. */
  getText() {
    return this.view.state.doc.toString();
  }

  /**
   * Replaces the text as one undoable step (the previous text stays one undo away). The app's
   * own replacements are not reported back; `asPerson` reports it like typing (tests, paste).
   */
  setText(text, asPerson = false) {
    const change = minimalChange(this.getText(), String(text));
    if (change.from === change.to && change.insert === '') return;
    const annotations = [isolateHistory.of('full')];
    if (!asPerson) annotations.push(fromApp.of(true));
    this.view.dispatch({ changes: change, annotations, userEvent: 'input.paste' });
  }

  /** Underlines each range and lists its message on hover; replaces the previous set. */
  setDiagnostics(list) {
    const length = this.view.state.doc.length;
    const diagnostics = Array.from(list ?? [], (d) => {
      const from = clamp(d.from, length);
      const to = Math.max(from, clamp(d.to, length));
      const severity = SEVERITIES.has(d.severity) ? d.severity : 'error';
      return { from, to, severity, message: String(d.message ?? '') };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics), { annotations: fromApp.of(true) });
  }

  /** Selects [from, to) and scrolls it into view, without reporting it as a cursor move. */
  select(from, to) {
    const length = this.view.state.doc.length;
    const anchor = clamp(from, length);
    const head = Math.max(anchor, clamp(to, length));
    this.view.dispatch({
      selection: { anchor, head },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
      annotations: fromApp.of(true),
    });
  }

  /** The main selection as `{from, to}`. */
  getSelection() {
    const { from, to } = this.view.state.selection.main;
    return { from, to };
  }

  /** Calls `listener(from, to)` whenever the person moves the cursor or the selection. */
  onSelectionChange(listener) {
    this.selectionListeners.push(listener);
  }

  /** Undoes (or redoes) one step of the text's history, reported like the person's own undo. */
  stepHistory(again = false) {
    return (again ? redo : undo)(this.view);
  }

  focus() {
    this.view.focus();
  }

  destroy() {
    this.view.destroy();
    this.selectionListeners = [];
    if (window.statelabEditor === this) window.statelabEditor = undefined;
  }
}

window.StatelabEditor = {
  /**
   * Mounts an editor in `parent`. `onChange(whole)` is called after each edit by the person;
   * `whole` is true for a paste, drop, undo or redo, false for typing.
   */
  create(parent, text, onChange) {
    const editor = new Editor(parent, String(text), onChange);
    // The page's editor, for end-to-end tests and the console.
    window.statelabEditor = editor;
    return editor;
  },
};
