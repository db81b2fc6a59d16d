export default {
  globs: ['components/**/*.ts'],
  // define-tag.ts registers whatever tag a define module gives it: no element of its own.
  exclude: ['components/core/**', 'components/**/*.styles.ts', 'components/**/*.strings.ts', 'components/**/define.ts', 'components/define.ts', 'components/shared/define-tag.ts', 'components/index.ts', 'components/autoloader.ts', 'components/react.ts'],
  outdir: '.',
  litelement: true,
  // npm start and the build print their own summary; the analyzer's timestamped line was noise.
  quiet: true,
};
