/** The coordinator pages (bokmål and English), loaded only at /koordinator. */
export default function CoordinatorApp() {
  return (
    <main id="main">
      <h1>Koordinator</h1>
    </main>
  );
}
