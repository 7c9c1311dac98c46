import { searchMix } from './dist/benchmark/search-mix.js';
const m = searchMix('experts')[5];
for (let k=0;k<6;k++){ const s=performance.now(); await fetch('http://127.0.0.1:3999/graphql',{method:'POST',headers:{'content-type':'application/json'},body:m.graphql}).then(r=>r.json()); console.log('client', (performance.now()-s).toFixed(1)); }
