import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const dirOf = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);
const webRoot = dirOf('.');
const repoRoot = dirOf('..');

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
    // The web imports the shared contracts and domain types from ../src.
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
