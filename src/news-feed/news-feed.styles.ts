import { css } from 'lit';

export const newsFeedStyles = css`
  .loading .skeleton-block {
    min-height: var(--mi-news-loading-item-height, 7em);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  :host([layout='cards']) .list {
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--mi-news-card-min-width, 240px)), 1fr)
    );
  }
  .item {
    display: grid;
    gap: 0.35em;
    align-content: start;
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .item:focus {
    outline: none;
  }
  .item:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  :host([layout='cards']) .item {
    padding: 0 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  :host([layout='cards']) .item > :not(.media) {
    margin-inline: var(--_space);
  }
  :host([layout='cards']) .item > :first-child:not(.media) {
    margin-top: var(--_space);
  }
  .media {
    aspect-ratio: var(--mi-news-image-ratio, 16 / 9);
    background: var(--_skeleton);
    overflow: hidden;
    border-radius: var(--_radius);
  }
  :host([layout='cards']) .media {
    border-radius: 0;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  .date {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .summary {
    margin: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--mi-news-summary-lines, 4);
    overflow: hidden;
  }
  .summary img {
    max-width: 100%;
    height: auto;
  }
  .more {
    display: flex;
    justify-content: center;
    margin-top: var(--_space);
  }
`;
