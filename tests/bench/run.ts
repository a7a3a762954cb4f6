/** `npm run bench`: measured figures, never part of `npm test`. The benchmark issue fills this in. */
console.log('no benchmarks yet');
