import { render } from 'preact';

render(<main>CRM Segments options</main>, document.getElementById('app')!);
