export * from './auth.js';
export * from './org.js';
export * from './members.js';
export * from './audit.js';
export * from './imports.js';
export * from './self-service.js';
