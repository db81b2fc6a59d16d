export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/core/**', 'components/**/*.styles.ts', 'components/**/*.strings.ts', 'components/**/define.ts', 'components/define.ts', 'components/index.ts'],
  outdir: '.',
  litelement: true,
};
