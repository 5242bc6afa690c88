// Mocha's browser build, set up before the test files are loaded (they call describe/it at once).
import 'mocha/mocha';

mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: function Quiet() {} as unknown as Mocha.ReporterConstructor });
