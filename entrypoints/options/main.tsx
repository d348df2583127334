import { render } from 'preact';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { openDatabase } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/client';
import { OptionsApp } from './options-app';
import '../../components/ui.css';
import './options.css';

render(
  <BackgroundProvider send={sendToBackground}>
    <DbProvider db={openDatabase()}>
      <OptionsApp />
    </DbProvider>
  </BackgroundProvider>,
  document.getElementById('app')!,
);
