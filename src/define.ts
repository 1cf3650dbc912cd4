// Registers every Serein element.
export * from './define/strength-meter.js';
