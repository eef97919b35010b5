/** class-transformer's decorator metadata; its package ships the types apart from the CommonJS build. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
