// node-forge, re-exported so the core can type it with forge-module.d.ts: @types/node-forge
// pulls in Node's types, which the core's compiler settings keep out on purpose.
export { default } from 'node-forge';
