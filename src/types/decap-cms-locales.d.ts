// decap-cms-locales ships no types: a locale is a nested object of phrases.
declare module "decap-cms-locales/dist/esm/sv/index.js" {
  const phrases: Record<string, unknown>;
  export default phrases;
}
