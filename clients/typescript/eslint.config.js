// The client and its tests use the generated types as they are: no type assertions (`as`,
// `<T>x`), no non-null assertions (`x!`), no `any`. Where the contract is too loose for that,
// the contract is fixed, not the caller.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/generated/", "lint-fixtures/"] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // lint-fixtures/ is outside tsconfig.json: only test/no-casts.test.ts lints it
        projectService: { allowDefaultProject: ["lint-fixtures/*.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unsafe-type-assertion": "error",
      // node:test runs the tests it is handed; their promises are its business
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["test"] }] },
      ],
      // a `// @ts-expect-error` is how the error-typing test proves a field does not exist
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description" }],
    },
  },
  {
    files: ["eslint.config.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
