// Shared by the node tests: where things are, and the built package.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PKG_NODE = path.join(DIST, 'pkg-node');
const PKG_WEB = path.join(DIST, 'pkg-web');
const PKG_NPM = path.join(DIST, 'npm');

/** The nodejs-target build (CommonJS), or a clear failure when it was not built. */
function loadPackage() {
  const entry = path.join(PKG_NODE, 'stratagraph_wasm.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`${entry} is missing: run bindings-wasm/build.sh first`);
  }
  return require(entry);
}

/** A file of the repository, as text. */
function read(rel) {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}

/** A small deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Call `fn`, expect it to throw, and return what it threw. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

module.exports = { ROOT, DIST, PKG_NODE, PKG_WEB, PKG_NPM, loadPackage, read, rng, thrown };
