// The entry: only React, the providers and the login/shell switch; every page is its own chunk.
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './app.css';

createRoot(document.getElementById('root')!).render(<App />);
