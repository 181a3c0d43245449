// Calibration for import-time.mjs: the ESM loader's own floor on this machine.
export {}
