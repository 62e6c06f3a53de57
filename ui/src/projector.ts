import { mount } from 'svelte';
import './styles.css';
import Projector from './Projector.svelte';

export default mount(Projector, { target: document.getElementById('app')! });
