// vendor/idb-keyval.js is copied into dist by scripts/build-extension.sh from the pinned idb-keyval package.
export * from '../../../node_modules/idb-keyval/dist/index.js';
