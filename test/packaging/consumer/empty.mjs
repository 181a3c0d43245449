// An empty module: the import-time baseline (Node's ESM loader start-up on this machine).
export {}
