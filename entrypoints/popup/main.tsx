import { render } from 'preact';
import { openDatabase } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/client';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { webStorageDraftStore } from './editor/draft-store';
import { activeTabUrl } from './header/active-tab';
import { primeCurrentWindow } from './list/current-window';
import { PopupApp } from './popup-app';
import '../../components/ui.css';
import './popup.css';

const db = openDatabase();
primeCurrentWindow();

render(
  <BackgroundProvider send={sendToBackground}>
    <DbProvider db={db}>
      <PopupApp draftStore={webStorageDraftStore()} getActiveTabUrl={activeTabUrl} />
    </DbProvider>
  </BackgroundProvider>,
  document.getElementById('app')!,
);
