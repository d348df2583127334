import { render } from 'preact';

render(<main>Segment members</main>, document.getElementById('app')!);
