// The page is shown: the same kind of mark the app sets when its home list is there.
requestAnimationFrame(() => performance.mark('bare:ready'));
