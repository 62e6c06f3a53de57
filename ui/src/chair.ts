import { mount } from 'svelte';
import './styles.css';
import Chair from './Chair.svelte';

export default mount(Chair, { target: document.getElementById('app')! });
