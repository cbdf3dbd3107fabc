import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vendor code is split by library so a change in app code does not invalidate the big,
 * rarely-changing antd / react chunks, and each route page is its own lazy chunk.
 */
const VENDOR_GROUPS: Array<{ name: string; test: RegExp; priority: number }> = [
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|clsx|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|is-mobile|@babel)[\\/]/,
    priority: 20,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 15 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 15 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig(({ command }) => {
  // `npm start` and the browser tests run with NODE_ENV=test, which Vite would honour and bundle the
  // development builds of React and antd. A build is always a production build.
  if (command === 'build' && process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: VENDOR_GROUPS,
          },
        },
      },
    },
    server: {
      port: 5173,
      proxy: {
        '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      },
    },
  };
});
