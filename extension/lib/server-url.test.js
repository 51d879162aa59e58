// The sync server address rules that the options page and the background share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServer, DEFAULT_SERVER } from './server-url.js';

test('an address becomes its origin', () => {
  for (const [raw, want] of [
    [DEFAULT_SERVER, 'http://127.0.0.1:8080'],
    ['  https://papergist.example.org  ', 'https://papergist.example.org'],
    ['https://papergist.example.org/', 'https://papergist.example.org'],
    ['HTTPS://Papergist.Example.org:443', 'https://papergist.example.org'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ]) assert.equal(parseServer(raw), want, raw);
});

test('what is not a server address gets advice', () => {
  for (const [raw, advice] of [
    ['', /Enter the server's address/],
    [undefined, /Enter the server's address/],
    ['papergist.example.org', /start it with http:\/\/ or https:\/\/, like http:\/\/papergist\.example\.org/],
    ['ftp://papergist.example.org', /must start with http:\/\/ or https:\/\//],
    ['https://user:pw@papergist.example.org', /user name and password/],
    ['https://papergist.example.org/v1', /without a path: https:\/\/papergist\.example\.org/],
    ['https://papergist.example.org/?x=1', /without a path/],
    ['http://exa mple.org', /not a valid URL/],
  ]) assert.throws(() => parseServer(raw), advice, String(raw));
});
