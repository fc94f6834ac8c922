/** Vite's `?url` imports: the built file's URL on the app's own origin (vite.config.mts emits it). */
declare module '*?url' {
  const url: string;
  export default url;
}
