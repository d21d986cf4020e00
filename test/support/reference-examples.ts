/**
 * The request and response examples of Okta's Trusted Origins API reference
 * (../shared/seeds/003_a32079599f178676.txt), kept as data in
 * reference-examples.json: method, URL, headers and JSON bodies exactly as the
 * reference prints them (the URLs keep the `https://${yourOktaDomain}`
 * placeholder). Generated from the reference text, not retyped by hand.
 */
import examples from './reference-examples.json' with { type: 'json' };

export interface ReferenceExample {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  /** The documented response body; `null` where the reference shows none (delete). */
  response: unknown;
}

export type ReferenceExampleName = 'createValid' | 'createInvalid' | 'get' | 'listAll' | 'listFiltered' | 'update' | 'activate' | 'deactivate' | 'delete';

export const REFERENCE: Record<ReferenceExampleName, ReferenceExample> = examples;
