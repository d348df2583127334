import { render } from 'preact';

render(<main>CRM Segments</main>, document.getElementById('app')!);
