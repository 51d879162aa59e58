// Real parsers for the three export formats: what Zotero-like importers would see.
import * as bibtex from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';

/**
 * Titles are kept as written unless sentenceCase is asked for, as Zotero-like importers do it (braced words kept).
 * @returns {{key: string, type: string, fields: Record<string, any>}[]} throws on any parse error
 */
export function parseBibTeX(text, { sentenceCase = false } = {}) {
  const res = bibtex.parse(text, sentenceCase ? {} : { sentenceCase: false });
  if (res.errors.length) throw new Error(`BibTeX errors: ${JSON.stringify(res.errors)}`);
  return res.entries;
}

/** @returns {any[]} CSL items */
export function parseRIS(text) {
  return new Cite(text, { forceType: '@ris/file' }).data;
}

/** Parses CSL-JSON and has citation-js read it as CSL. @returns {any[]} */
export function parseCSLJSON(text) {
  const items = JSON.parse(text);
  if (!Array.isArray(items)) throw new Error('CSL-JSON is not an array');
  return new Cite(items, { forceType: '@csl/list+object' }).data;
}
