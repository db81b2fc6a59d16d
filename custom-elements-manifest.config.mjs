export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/core/**', 'components/**/*.styles.ts', 'components/**/*.strings.ts', 'components/**/define.ts', 'components/define.ts', 'components/index.ts', 'components/autoloader.ts', 'components/react.ts'],
  outdir: '.',
  litelement: true,
  // npm start and the build print their own summary; the analyzer's timestamped line was noise.
  quiet: true,
};
