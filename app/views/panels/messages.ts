import { catalog } from '../../i18n/i18n.ts';

/** The daemon's panels: containers and images (the values in them stay as docker prints them). */
export const panelMessages = catalog(
  {
    containers: 'Containers',
    noContainers: 'None yet. {command} starts one.',
    name: 'Name',
    image: 'Image',
    status: 'Status',
    images: 'Images',
    noImages: 'No images.',
    id: 'ID',
    layers: 'Layers',
  },
  {
    containers: '컨테이너',
    noContainers: '아직 없습니다. {command} 명령으로 하나를 시작하세요.',
    name: '이름',
    image: '이미지',
    status: '상태',
    images: '이미지',
    noImages: '이미지가 없습니다.',
    id: 'ID',
    layers: '레이어',
  },
);
